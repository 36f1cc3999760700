/// The large name of a screen with a line under it, at the top of its list.
public final class ScreenTitleBlock: Block {
    private let title: TextLayout
    private let subtitle: TextLayout?
    private let context: PluginContext

    public init(title: String, subtitle: String?, context: PluginContext, width: Int) {
        self.context = context
        let theme = context.theme
        self.title = context.layout(title, theme.screenTitle, maxWidth: width, maxLines: 1)
        self.subtitle = subtitle.map {
            context.layout($0, theme.label, maxWidth: width, maxLines: 1)
        }
    }

    public func height(forWidth width: Int) -> Int {
        let theme = context.theme
        return theme.px(24) + title.height + (subtitle.map { theme.px(8) + $0.height } ?? 0)
            + theme.px(8)
    }

    public func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let theme = context.theme
        var y = frame.minY + theme.px(24)
        surface.draw(title, at: Point(x: frame.minX, y: y), theme.ink)
        y += title.height + theme.px(8)
        if let subtitle {
            surface.draw(subtitle, at: Point(x: frame.minX, y: y), theme.secondaryInk)
        }
    }
}

/// A calm sentence in the middle of an empty screen.
public final class MessageBlock: Block {
    private let message: String
    private let context: PluginContext
    private var laidOut: (width: Int, layout: TextLayout)?

    public init(_ message: String, context: PluginContext) {
        self.message = message
        self.context = context
    }

    private func layout(_ width: Int) -> TextLayout {
        if let laidOut, laidOut.width == width { return laidOut.layout }
        let layout = context.layout(
            message, context.theme.body, maxWidth: width - 2 * context.theme.cardPadding,
            alignment: .center
        )
        laidOut = (width, layout)
        return layout
    }

    public func height(forWidth width: Int) -> Int {
        layout(width).height + 2 * context.theme.px(90)
    }

    public func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let text = layout(frame.width)
        // A centred layout places its lines within its maximum width.
        let x = frame.minX + context.theme.cardPadding
        surface.draw(
            text, at: Point(x: x, y: frame.minY + context.theme.px(90)), context.theme.secondaryInk)
    }
}
