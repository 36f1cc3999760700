import FoundationEssentials
import PrikbordGraphics
import PrikbordPluginSDK
import PrikbordUI

/// The band on top: the site and company on the left, the time and date
/// on the right, and a quiet line when the kiosk is offline.
@MainActor
final class HeaderBar {
    private let theme: Theme
    let frame: Rect
    private var drawnMinute: Int?

    init(theme: Theme, frame: Rect) {
        self.theme = theme
        self.frame = frame
    }

    /// Whether the clock shows another minute than the one drawn.
    func isStale(now: Date) -> Bool {
        Int(now.timeIntervalSince1970 / 60) != drawnMinute
    }

    func draw(on surface: Surface, context: PluginContext, status: String?) {
        let now = context.now
        drawnMinute = Int(now.timeIntervalSince1970 / 60)
        surface.fill(frame, theme.headerBackground)

        let padding = theme.margin
        let time = context.layout(
            context.clockTime(now),
            TextStyle(size: theme.px(56), weight: .semibold, lineHeight: 1.1))
        let dateText = context.format(now, "EEEE d MMMM")
        let date = context.layout(
            dateText.prefix(1).uppercased() + dateText.dropFirst(), theme.caption)
        let right = frame.maxX - padding
        let timeTop = frame.minY + (frame.height - time.height - date.height) / 2
        surface.draw(time, at: Point(x: right - time.width, y: timeTop), theme.headerInk)
        surface.draw(
            date, at: Point(x: right - date.width, y: timeTop + time.height),
            theme.headerSecondaryInk)

        let leftWidth = frame.width - 2 * padding - max(time.width, date.width) - theme.px(30)
        let siteName = context.data.site?.name ?? context.strings["app.name"]
        let title = context.layout(siteName, theme.heading, maxWidth: leftWidth, maxLines: 1)
        let second = status ?? context.data.site?.city ?? ""
        let subtitle = context.layout(second, theme.caption, maxWidth: leftWidth, maxLines: 1)
        let top = frame.minY + (frame.height - title.height - subtitle.height) / 2
        surface.draw(title, at: Point(x: frame.minX + padding, y: top), theme.headerInk)
        surface.draw(
            subtitle, at: Point(x: frame.minX + padding, y: top + title.height),
            status == nil ? theme.headerSecondaryInk : Color(hex: 0xFFD27A)
        )
    }
}
