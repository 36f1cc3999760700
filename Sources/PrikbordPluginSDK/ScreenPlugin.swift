@_exported import PrikbordGraphics
@_exported import PrikbordLocale
@_exported import PrikbordModel
@_exported import PrikbordUI

/// A screen of the kiosk: news, directory, agenda, onboarding, or one of
/// your own.
///
/// A plugin turns what the store holds into a list of blocks; the host
/// scrolls them, shows pressed states and passes taps back. A plugin never
/// sees the display, the input devices or the database: everything it may
/// use comes through its ``PluginContext``.
///
/// ```swift
/// final class MenuPlugin: ScreenPlugin {
///     static let id = "menu"
///     let icon = Icon.news
///     let titleKey = "nav.menu"
///     init(context: PluginContext) { self.context = context }
///     func makeBlocks(width: Int) -> [Block] { ... }
/// }
/// ```
@MainActor
public protocol ScreenPlugin: AnyObject {
    /// The name configuration uses to list this screen ("news").
    static var id: String { get }

    init(context: PluginContext)

    /// Key of the screen's name in the navigation bar, in ``Strings``.
    var titleKey: String { get }

    var icon: Icon { get }

    /// The blocks the screen shows now, laid out for `width` pixels.
    /// Called on start, when the store changed, and when the width did.
    func makeBlocks(width: Int) -> [Block]

    /// Whether the screen may use all the width of a wide screen (a grid of
    /// faces) rather than a column of readable width (text).
    var usesFullWidth: Bool { get }
}

extension ScreenPlugin {
    public var usesFullWidth: Bool { false }
}
