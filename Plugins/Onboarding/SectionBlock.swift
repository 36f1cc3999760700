import PrikbordPluginSDK

/// One onboarding section as a card: a coloured band for its kind, the
/// title, the text, and its steps grouped by day.
final class SectionBlock: Block {
    private let section: OnboardingSection
    private let steps: [OnboardingStep]
    private let context: PluginContext

    private struct Day {
        var label: TextLayout
        var steps: [(title: TextLayout, details: TextLayout?)]
    }

    private struct Layout {
        var width: Int
        var title: TextLayout
        var body: TextLayout?
        var days: [Day]
        var height: Int
    }

    private var laidOut: Layout?

    init(section: OnboardingSection, steps: [OnboardingStep], context: PluginContext) {
        self.section = section
        self.steps = steps
        self.context = context
    }

    private var theme: Theme { context.theme }
    private var dayColumn: Int { theme.px(150) }

    private var color: Color {
        switch section.kind {
        case .mission: Color(hex: 0x2F7A55)
        case .vision: Color(hex: 0x3A6EA5)
        case .goals: Color(hex: 0xC7831B)
        case .schedule: Color(hex: 0x8A5BB5)
        case .documents: Color(hex: 0x4F7C6B)
        }
    }

    private func layout(_ width: Int) -> Layout {
        if let laidOut, laidOut.width == width { return laidOut }
        let inner = width - 2 * theme.cardPadding
        let title = context.layout(
            context.text(section.title), theme.heading, maxWidth: inner, maxLines: 2)
        let bodyText = context.text(section.body)
        let body = bodyText.isEmpty ? nil : context.layout(bodyText, theme.body, maxWidth: inner)
        let stepWidth = inner - dayColumn
        var days: [Day] = []
        for (day, group) in Dictionary(grouping: steps, by: \.day).sorted(by: { $0.key < $1.key }) {
            let label = context.layout(
                context.strings.format("onboarding.day", ["n": "\(day)"]), theme.label,
                maxWidth: dayColumn - theme.px(16), maxLines: 1
            )
            let items = group.sorted { $0.position < $1.position }.map { step in
                let details = context.text(step.details)
                return (
                    title: context.layout(
                        context.text(step.title), theme.subheading, maxWidth: stepWidth),
                    details: details.isEmpty
                        ? nil
                        : context.layout(details, theme.body, maxWidth: stepWidth, maxLines: 4)
                )
            }
            days.append(Day(label: label, steps: items))
        }
        var height = theme.px(14) + theme.cardPadding + title.height
        if let body { height += theme.px(16) + body.height }
        for day in days {
            height += theme.px(30)
            for (index, step) in day.steps.enumerated() {
                if index > 0 { height += theme.px(18) }
                height += step.title.height + (step.details.map { theme.px(4) + $0.height } ?? 0)
            }
        }
        height += theme.cardPadding
        let result = Layout(width: width, title: title, body: body, days: days, height: height)
        laidOut = result
        return result
    }

    func height(forWidth width: Int) -> Int { layout(width).height }

    func discardLayout() { laidOut = nil }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let layout = layout(frame.width)
        drawCard(on: surface, in: frame, context: context)
        let band = Rect(x: frame.minX, y: frame.minY, width: frame.width, height: theme.px(14))
        let saved = surface.clip
        surface.clip = saved.map { $0.intersection(band) } ?? band
        surface.fillRoundedRect(frame, radius: theme.cornerRadius, color)
        surface.clip = saved

        let left = frame.minX + theme.cardPadding
        var y = frame.minY + theme.px(14) + theme.cardPadding
        surface.draw(layout.title, at: Point(x: left, y: y), theme.ink)
        y += layout.title.height
        if let body = layout.body {
            y += theme.px(16)
            surface.draw(
                body, at: Point(x: left, y: y),
                theme.secondaryInk.mixed(with: theme.ink, amount: 0.45))
            y += body.height
        }
        for day in layout.days {
            y += theme.px(30)
            let chip = Rect(
                x: left, y: y, width: day.label.width + theme.px(28),
                height: day.label.height + theme.px(10)
            )
            surface.fillRoundedRect(
                chip, radius: chip.height / 2, color.mixed(with: .white, amount: 0.85))
            surface.draw(day.label, at: Point(x: left + theme.px(14), y: y + theme.px(5)), color)
            for (index, step) in day.steps.enumerated() {
                if index > 0 { y += theme.px(18) }
                let x = left + dayColumn
                surface.fillCircle(
                    center: Point(x: x - theme.px(22), y: y + step.title.height / 2),
                    radius: theme.px(6), color
                )
                surface.draw(step.title, at: Point(x: x, y: y), theme.ink)
                y += step.title.height
                if let details = step.details {
                    y += theme.px(4)
                    surface.draw(details, at: Point(x: x, y: y), theme.secondaryInk)
                    y += details.height
                }
            }
        }
    }
}
