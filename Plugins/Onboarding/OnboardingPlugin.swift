import FoundationEssentials
import PrikbordPluginSDK

/// What a new worker needs in week one: mission, vision, goals, the
/// onboarding schedule day by day, and where the documents are.
public final class OnboardingPlugin: ScreenPlugin {
    public static let id = "onboarding"
    public let titleKey = "nav.onboarding"
    public let icon = Icon.welcome

    private let context: PluginContext

    public init(context: PluginContext) {
        self.context = context
    }

    public func makeBlocks(width: Int) -> [Block] {
        let strings = context.strings
        var blocks: [Block] = [
            ScreenTitleBlock(
                title: strings["onboarding.title"], subtitle: strings["onboarding.subtitle"],
                context: context, width: width
            )
        ]
        let sections = context.data.onboardingSections()
        if sections.isEmpty {
            blocks.append(MessageBlock(strings["onboarding.empty"], context: context))
        }
        for section in sections {
            let steps = context.data.onboardingSteps(sectionID: section.id)
            blocks.append(SectionBlock(section: section, steps: steps, context: context))
        }
        return blocks
    }
}
