import FoundationEssentials
import PrikbordPluginSDK

/// The agenda: trainings, outings, briefings and meetings of the coming
/// weeks, grouped by day in the site's time zone, so nobody plans over a
/// shared moment.
public final class AgendaPlugin: ScreenPlugin {
    public static let id = "agenda"
    public let titleKey = "nav.agenda"
    public let icon = Icon.agenda

    /// How far ahead the agenda looks.
    static let horizonDays = 42

    private let context: PluginContext

    public init(context: PluginContext) {
        self.context = context
    }

    public func makeBlocks(width: Int) -> [Block] {
        let strings = context.strings
        let calendar = context.calendar
        let now = context.now
        let today = calendar.startOfDay(for: now)
        let horizon = calendar.date(byAddingDays: Self.horizonDays, to: today)
        let events = context.data.events(from: now, until: horizon)

        var blocks: [Block] = [
            ScreenTitleBlock(
                title: strings["agenda.title"], subtitle: strings["agenda.subtitle"],
                context: context, width: width
            )
        ]
        if events.isEmpty {
            blocks.append(MessageBlock(strings["agenda.empty"], context: context))
            return blocks
        }
        let days = Dictionary(grouping: events) { event in
            // An item that began before today still shows under today.
            max(calendar.startOfDay(for: event.startsAt), today)
        }
        for day in days.keys.sorted() {
            blocks.append(SectionHeaderBlock(dayTitle(day), context: context))
            // All-day items first, then by start time.
            let items = (days[day] ?? []).sorted {
                ($0.isAllDay ? 0 : 1, $0.startsAt) < ($1.isAllDay ? 0 : 1, $1.startsAt)
            }
            for event in items {
                blocks.append(EventBlock(event: event, context: context))
            }
        }
        return blocks
    }

    /// "Today · Thursday, December 3", "Tomorrow · …", or the date alone.
    private func dayTitle(_ day: Date) -> String {
        let date = context.format(day, "EEEE d MMMM")
        let label = date.prefix(1).uppercased() + date.dropFirst()
        switch context.calendar.days(from: context.now, to: day) {
        case 0: return "\(context.strings["agenda.today"]) · \(label)"
        case 1: return "\(context.strings["agenda.tomorrow"]) · \(label)"
        default: return label
        }
    }
}
