import PrikbordGraphics
import PrikbordPluginSDK
import PrikbordUI

/// The row (or rail) of screen tabs: an icon and a word each, the active
/// one in the accent colour on a soft pill.
@MainActor
final class NavigationBar {
    struct Tab {
        var icon: Icon
        var label: TextLayout
    }

    private let theme: Theme
    private let layout: ShellLayout
    private var tabs: [Tab] = []
    private(set) var pressedIndex: Int?
    private var tabCount = 1

    init(theme: Theme, layout: ShellLayout) {
        self.theme = theme
        self.layout = layout
    }

    var frame: Rect { layout.navigation }

    func setTabs(_ items: [(icon: Icon, title: String)], fonts: FontLibrary) {
        tabCount = items.count
        let width = slot(0).width - theme.px(12)
        tabs = items.map { item in
            Tab(
                icon: item.icon,
                label: TextLayout(
                    item.title, style: theme.label, fonts: fonts, maxWidth: width, maxLines: 1,
                    alignment: .center
                )
            )
        }
    }

    /// The rectangle of tab `index`.
    func slot(_ index: Int) -> Rect {
        let count = max(1, tabCount)
        let area = frame
        switch layout.style {
        case .bottomBar:
            let width = area.width / count
            return Rect(
                x: area.minX + index * width, y: area.minY, width: width, height: area.height)
        case .sideRail:
            let height = theme.px(170)
            let top = area.minY + theme.px(150)
            return Rect(x: area.minX, y: top + index * height, width: area.width, height: height)
        }
    }

    func index(at point: Point) -> Int? {
        guard frame.contains(point) else { return nil }
        return tabs.indices.first { slot($0).contains(point) }
    }

    func setPressed(_ index: Int?) -> Bool {
        guard index != pressedIndex else { return false }
        pressedIndex = index
        return true
    }

    func draw(on surface: Surface, active: Int) {
        let area = frame
        surface.fill(area, theme.navBackground)
        switch layout.style {
        case .bottomBar:
            surface.fill(
                Rect(x: area.minX, y: area.minY, width: area.width, height: max(1, theme.px(2))),
                theme.separator)
        case .sideRail:
            surface.fill(
                Rect(
                    x: area.maxX - max(1, theme.px(2)), y: area.minY, width: max(1, theme.px(2)),
                    height: area.height), theme.separator)
            drawBrand(on: surface)
        }
        for index in tabs.indices {
            drawTab(index, on: surface, active: index == active)
        }
    }

    private func drawBrand(on surface: Surface) {
        let size = theme.px(84)
        let center = Point(x: frame.minX + frame.width / 2, y: frame.minY + theme.px(70))
        surface.fillRoundedRect(
            Rect(x: center.x - size / 2, y: center.y - size / 2, width: size, height: size),
            radius: theme.px(24), theme.headerBackground
        )
        Icon.pin.draw(
            on: surface, at: Point(x: center.x - size / 3, y: center.y - size / 3),
            size: size * 2 / 3, color: .white
        )
    }

    private func drawTab(_ index: Int, on surface: Surface, active: Bool) {
        let tab = tabs[index]
        let box = slot(index)
        let iconSize = theme.px(52)
        let pillWidth = theme.px(112)
        let pillHeight = theme.px(64)
        let gap = theme.px(10)
        let blockHeight = pillHeight + gap + tab.label.height
        let top = box.minY + (box.height - blockHeight) / 2
        let pill = Rect(
            x: box.minX + (box.width - pillWidth) / 2, y: top, width: pillWidth, height: pillHeight)

        if pressedIndex == index {
            surface.fillRoundedRect(
                box.insetBy(dx: theme.px(8), dy: theme.px(8)), radius: theme.px(24), theme.pressed)
        }
        if active {
            surface.fillRoundedRect(pill, radius: pillHeight / 2, theme.accentSoft)
        }
        let color = active ? theme.accent : theme.secondaryInk
        tab.icon.draw(
            on: surface,
            at: Point(
                x: pill.minX + (pill.width - iconSize) / 2,
                y: pill.minY + (pill.height - iconSize) / 2),
            size: iconSize, color: color
        )
        surface.draw(
            tab.label,
            at: Point(x: box.minX + theme.px(6), y: pill.maxY + gap),
            active ? theme.ink : theme.secondaryInk
        )
    }
}
