import PrikbordGraphics
import PrikbordUI

/// Where the header, the navigation and the content sit on a screen.
///
/// Portrait screens get a header on top and a bottom navigation bar that
/// thumbs reach; landscape screens a navigation rail on the left, so the
/// content keeps its height.
struct ShellLayout: Equatable {
    enum Navigation: Equatable { case bottomBar, sideRail }

    var screen: Rect
    var header: Rect
    var navigation: Rect
    var content: Rect
    var style: Navigation

    init(width: Int, height: Int, theme: Theme) {
        screen = Rect(x: 0, y: 0, width: width, height: height)
        if height >= width {
            style = .bottomBar
            let headerHeight = theme.px(150)
            let navHeight = theme.px(176)
            header = Rect(x: 0, y: 0, width: width, height: headerHeight)
            navigation = Rect(x: 0, y: height - navHeight, width: width, height: navHeight)
            content = Rect(
                x: 0, y: headerHeight, width: width, height: height - headerHeight - navHeight)
        } else {
            style = .sideRail
            let railWidth = theme.px(230)
            let headerHeight = theme.px(130)
            navigation = Rect(x: 0, y: 0, width: railWidth, height: height)
            header = Rect(x: railWidth, y: 0, width: width - railWidth, height: headerHeight)
            content = Rect(
                x: railWidth, y: headerHeight, width: width - railWidth,
                height: height - headerHeight
            )
        }
    }

    /// The content column: on wide screens the list is kept to a readable
    /// measure and centred.
    func listFrame(theme: Theme) -> Rect {
        let widest = theme.px(1240)
        guard content.width > widest else { return content }
        let x = content.minX + (content.width - widest) / 2
        return Rect(x: x, y: content.minY, width: widest, height: content.height)
    }
}
