import PrikbordPluginSDK

/// A row of person cards: a large face, the name, the role and the
/// department.
final class PersonRowBlock: Block {
    private let people: [Person]
    private let columns: Int
    private let context: PluginContext

    private struct Card {
        var name: TextLayout
        var role: TextLayout
        var department: TextLayout
    }

    private var laidOut: (width: Int, cards: [Card], height: Int)?

    init(people: [Person], columns: Int, context: PluginContext) {
        self.people = people
        self.columns = columns
        self.context = context
    }

    private var theme: Theme { context.theme }

    private func cardWidth(_ width: Int) -> Int {
        (width - theme.gap * (columns - 1)) / columns
    }

    private func photoSize(_ cardWidth: Int) -> Int { cardWidth * 62 / 100 }

    private func layout(_ width: Int) -> (cards: [Card], height: Int) {
        if let laidOut, laidOut.width == width { return (laidOut.cards, laidOut.height) }
        let cardWidth = cardWidth(width)
        let inner = cardWidth - 2 * theme.px(20)
        let cards = people.map { person in
            Card(
                name: context.layout(
                    person.name, theme.subheading, maxWidth: inner, maxLines: 2, alignment: .center
                ),
                role: context.layout(
                    context.text(person.role), theme.caption, maxWidth: inner, maxLines: 2,
                    alignment: .center
                ),
                department: context.layout(
                    context.text(person.department).uppercased(), theme.badge, maxWidth: inner,
                    maxLines: 2, alignment: .center
                )
            )
        }
        // Every card in the row is as tall as the tallest, so rows line up.
        let textHeight =
            cards.map {
                $0.name.height + theme.px(8) + $0.role.height + theme.px(16) + $0.department.height
            }.max() ?? 0
        let height = theme.px(34) + photoSize(cardWidth) + theme.px(22) + textHeight + theme.px(34)
        laidOut = (width, cards, height)
        return (cards, height)
    }

    func height(forWidth width: Int) -> Int { layout(width).height }

    func discardLayout() { laidOut = nil }

    func prefetch(forWidth width: Int) {
        let side = photoSize(cardWidth(width))
        for person in people {
            if let photo = person.photo { _ = context.data.image(photo, atLeast: side) }
        }
    }

    private func cardIndex(at point: Point, width: Int) -> Int? {
        let step = cardWidth(width) + theme.gap
        let index = point.x / step
        guard index < people.count, point.x - index * step < cardWidth(width) else { return nil }
        return index
    }

    func isPressable(at point: Point, width: Int) -> Bool {
        cardIndex(at: point, width: width) != nil
    }

    func tap(at point: Point, width: Int) -> Bool {
        cardIndex(at: point, width: width) != nil
    }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let (cards, height) = layout(frame.width)
        let cardWidth = cardWidth(frame.width)
        let pressedIndex = pressedAt.flatMap { cardIndex(at: $0, width: frame.width) }
        for (index, person) in people.enumerated() {
            let card = cards[index]
            let box = Rect(
                x: frame.minX + index * (cardWidth + theme.gap), y: frame.minY,
                width: cardWidth, height: height
            )
            drawCard(on: surface, in: box, context: context, pressed: index == pressedIndex)
            let photo = photoSize(cardWidth)
            var y = box.minY + theme.px(34)
            let square = Rect(
                x: box.minX + (cardWidth - photo) / 2, y: y, width: photo, height: photo)
            Avatar(person: person, context: context).draw(on: surface, in: square)
            y += photo + theme.px(22)
            // Centred layouts place their lines within their maximum width.
            let textX = box.minX + theme.px(20)
            surface.draw(card.name, at: Point(x: textX, y: y), theme.ink)
            y += card.name.height + theme.px(8)
            surface.draw(
                card.role, at: Point(x: textX, y: y),
                theme.secondaryInk
            )
            y += card.role.height + theme.px(16)
            surface.draw(
                card.department,
                at: Point(x: textX, y: y),
                theme.accent
            )
        }
    }
}
