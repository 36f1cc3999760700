import PrikbordPluginSDK

/// The search field on top of the directory; a tap opens the keyboard.
final class SearchBlock: Block {
    private let query: String
    private let context: PluginContext
    private let onTap: () -> Void

    init(query: String, context: PluginContext, onTap: @escaping () -> Void) {
        self.query = query
        self.context = context
        self.onTap = onTap
    }

    private var theme: Theme { context.theme }

    func height(forWidth width: Int) -> Int { theme.px(104) }

    func isPressable(at point: Point, width: Int) -> Bool { true }

    func tap(at point: Point, width: Int) -> Bool {
        onTap()
        return true
    }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        surface.fillRoundedRect(
            frame, radius: frame.height / 2, pressedAt == nil ? .white : theme.pressed)
        surface.strokeRoundedRect(
            frame, radius: frame.height / 2, lineWidth: max(2, theme.px(3)), theme.separator)
        let iconSize = theme.px(44)
        let iconOrigin = Point(
            x: frame.minX + theme.px(32), y: frame.minY + (frame.height - iconSize) / 2)
        drawMagnifier(on: surface, at: iconOrigin, size: iconSize)
        let placeholder = query.isEmpty
        let text = context.layout(
            placeholder ? context.strings["directory.search"] : query, theme.body,
            maxWidth: frame.width - theme.px(140), maxLines: 1
        )
        surface.draw(
            text,
            at: Point(
                x: iconOrigin.x + iconSize + theme.px(22),
                y: frame.minY + (frame.height - text.height) / 2),
            placeholder ? theme.faintInk : theme.ink
        )
    }

    private func drawMagnifier(on surface: Surface, at origin: Point, size: Int) {
        let ring = size * 7 / 10
        let color = theme.secondaryInk
        surface.strokeRoundedRect(
            Rect(x: origin.x, y: origin.y, width: ring, height: ring), radius: ring / 2,
            lineWidth: max(2, size / 9), color
        )
        for step in 0..<(size / 4) {
            let x = origin.x + ring - size / 10 + step
            let y = origin.y + ring - size / 10 + step
            surface.fillCircle(center: Point(x: x, y: y), radius: max(2, size / 14), color)
        }
    }
}

extension String {
    /// The name folded for search: "Łukasz Wróbel" and "lukasz wrobel" match.
    var searchKey: String {
        let special: [Character: String] = [
            "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "ı": "i", "ß": "ss",
        ]
        let replaced = String(flatMap { special[$0] ?? String($0) })
        return replaced.foldedForSearch
    }
}
