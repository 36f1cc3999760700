import FoundationEssentials
import PrikbordPluginSDK

/// An agenda item: the time on the left, a colour for its kind, the title,
/// where it is and how many can come.
final class EventBlock: Block {
    private let event: Event
    private let context: PluginContext

    private struct Layout {
        var width: Int
        var start: TextLayout
        var end: TextLayout?
        var title: TextLayout
        var place: TextLayout?
        var kind: TextLayout
        var places: TextLayout?
        var height: Int
    }

    private var laidOut: Layout?

    init(event: Event, context: PluginContext) {
        self.event = event
        self.context = context
    }

    private var theme: Theme { context.theme }
    private var timeColumn: Int { theme.px(150) }

    private func layout(_ width: Int) -> Layout {
        if let laidOut, laidOut.width == width { return laidOut }
        let strings = context.strings
        let start =
            event.isAllDay
            ? context.layout(
                strings["agenda.allDay"], theme.label, maxWidth: timeColumn, maxLines: 2)
            : context.layout(context.clockTime(event.startsAt), theme.subheading)
        let end =
            event.isAllDay ? nil : context.layout(context.clockTime(event.endsAt), theme.caption)
        let textWidth = width - 2 * theme.cardPadding - timeColumn - theme.px(28)
        let title = context.layout(
            context.text(event.title), theme.subheading, maxWidth: textWidth, maxLines: 2)
        let place =
            event.location.isEmpty
            ? nil
            : context.layout(
                event.location, theme.caption, maxWidth: textWidth - theme.px(40), maxLines: 1)
        let kind = context.layout(
            strings["agenda.kind.\(event.kind.rawValue)"].uppercased(), theme.badge)
        let places = event.capacity.map {
            context.layout(strings.format("agenda.places", ["n": "\($0)"]), theme.caption)
        }
        var textHeight = title.height + theme.px(12) + kind.height + theme.px(12)
        if let place { textHeight += theme.px(12) + place.height }
        let timeHeight = start.height + (end.map { theme.px(4) + $0.height } ?? 0)
        let height = 2 * theme.px(30) + max(textHeight, timeHeight)
        let result = Layout(
            width: width, start: start, end: end, title: title, place: place, kind: kind,
            places: places, height: height
        )
        laidOut = result
        return result
    }

    func height(forWidth width: Int) -> Int { layout(width).height }

    func discardLayout() { laidOut = nil }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let layout = layout(frame.width)
        let kindColor = theme.color(for: event.kind.rawValue)
        drawCard(on: surface, in: frame, context: context)

        let top = frame.minY + theme.px(30)
        var x = frame.minX + theme.cardPadding
        surface.draw(layout.start, at: Point(x: x, y: top), theme.ink)
        if let end = layout.end {
            surface.draw(
                end, at: Point(x: x, y: top + layout.start.height + theme.px(4)), theme.faintInk)
        }
        x += timeColumn
        let bar = Rect(x: x, y: top, width: theme.px(8), height: frame.height - 2 * theme.px(30))
        surface.fillRoundedRect(bar, radius: theme.px(4), kindColor)
        x += theme.px(28)

        var y = top
        surface.draw(layout.title, at: Point(x: x, y: y), theme.ink)
        y += layout.title.height + theme.px(12)
        if let place = layout.place {
            let iconSize = theme.px(30)
            Icon.place.draw(
                on: surface, at: Point(x: x - theme.px(4), y: y), size: iconSize,
                color: theme.faintInk)
            surface.draw(place, at: Point(x: x + theme.px(36), y: y), theme.secondaryInk)
            y += place.height + theme.px(12)
        }
        let chipPad = theme.px(14)
        let chip = Rect(
            x: x, y: y, width: layout.kind.width + 2 * chipPad,
            height: layout.kind.height + theme.px(10)
        )
        surface.fillRoundedRect(
            chip, radius: chip.height / 2, kindColor.mixed(with: .white, amount: 0.85))
        surface.draw(layout.kind, at: Point(x: x + chipPad, y: y + theme.px(5)), kindColor)
        if let places = layout.places {
            surface.draw(
                places,
                at: Point(x: chip.maxX + theme.px(20), y: y + (chip.height - places.height) / 2),
                theme.secondaryInk
            )
        }
    }
}
