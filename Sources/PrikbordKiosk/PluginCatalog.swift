import AgendaPlugin
import DirectoryPlugin
import NewsPlugin
import OnboardingPlugin
import PrikbordPluginSDK

/// The screens this kiosk build knows, by the id configuration uses.
@MainActor
enum PluginCatalog {
    static let all: [ScreenPlugin.Type] = [
        NewsPlugin.self,
        DirectoryPlugin.self,
        AgendaPlugin.self,
        OnboardingPlugin.self,
    ]

    static func plugin(id: String) -> ScreenPlugin.Type? {
        all.first { $0.id == id }
    }
}
