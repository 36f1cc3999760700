/// A line in the accent colour above a group of blocks: a day in the
/// agenda, a site in the directory.
public final class SectionHeaderBlock: Block {
    private let title: String
    private let context: PluginContext
    private var laidOut: (width: Int, layout: TextLayout)?

    public init(_ title: String, context: PluginContext) {
        self.title = title
        self.context = context
    }

    private func layout(_ width: Int) -> TextLayout {
        if let laidOut, laidOut.width == width { return laidOut.layout }
        let layout = context.layout(title, context.theme.subheading, maxWidth: width, maxLines: 1)
        laidOut = (width, layout)
        return layout
    }

    public func height(forWidth width: Int) -> Int {
        layout(width).height + context.theme.px(32)
    }

    public func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        surface.draw(
            layout(frame.width), at: Point(x: frame.minX, y: frame.minY + context.theme.px(24)),
            context.theme.accent
        )
    }
}
