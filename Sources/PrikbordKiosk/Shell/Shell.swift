import FoundationEssentials
import PrikbordGraphics
import PrikbordInput
import PrikbordLog
import PrikbordPluginSDK
import PrikbordUI

/// The kiosk's one window: header, navigation and the active screen's
/// list, drawn into one frame, with the damage of every change recorded.
@MainActor
final class Shell {
    let frame: Surface
    let context: PluginContext
    private let theme: Theme
    private let layout: ShellLayout
    private let header: HeaderBar
    private let navigation: NavigationBar
    private let list: ListView
    private let plugins: [ScreenPlugin]

    private(set) var activeIndex = 0
    /// Areas drawn since the display last took the frame.
    private(set) var damage: [Rect] = []
    var status: String? {
        didSet { if status != oldValue { drawHeader() } }
    }

    /// Where the current touch went down, to route the rest of it.
    private enum Target {
        case navigation(Int)
        case list, keyboard, none
    }
    private var touchTarget = Target.none
    private var dragStartOffset = 0
    private var dragDistance = 0.0
    private var fling: Fling?

    /// The keyboard and who receives its text, while a field is being edited.
    private var keyboard: OnScreenKeyboard?
    /// Where the list was last tapped: the field that asks for the keyboard.
    private var lastListTap: Point?
    private var entry: (text: String, onChange: (String) -> Void)?

    init(width: Int, height: Int, context: PluginContext, plugins: [ScreenPlugin]) {
        self.context = context
        self.theme = context.theme
        self.plugins = plugins
        frame = Surface(width: width, height: height, color: context.theme.background)
        layout = ShellLayout(width: width, height: height, theme: context.theme)
        header = HeaderBar(theme: theme, frame: layout.header)
        navigation = NavigationBar(theme: theme, layout: layout)
        list = ListView(
            frame: layout.listFrame(theme: theme), background: theme.background,
            padding: theme.margin, spacing: theme.gap
        )
        navigation.setTabs(
            plugins.map { ($0.icon, context.strings[$0.titleKey]) }, fonts: context.fonts
        )
        context.host = self
        loadActiveScreen(keepingOffset: false)
        redrawAll()
    }

    var activeScreenID: String { type(of: plugins[activeIndex]).id }
    var screenIDs: [String] { plugins.map { type(of: $0).id } }
    var isAnimating: Bool { fling != nil }

    func tabCenter(_ index: Int) -> Point {
        let slot = navigation.slot(index)
        return Point(x: slot.minX + slot.width / 2, y: slot.minY + slot.height / 2)
    }
    var scrollOffset: Int { list.scrollOffset }

    var hasDamage: Bool { !damage.isEmpty }

    func restoreDamage(_ areas: [Rect]) { damage.append(contentsOf: areas) }

    /// Takes the damage recorded since the last call.
    func takeDamage() -> [Rect] {
        defer { damage.removeAll(keepingCapacity: true) }
        return damage
    }

    // MARK: Drawing

    func redrawAll() {
        frame.fill(layout.screen, theme.background)
        drawHeader()
        navigation.draw(on: frame, active: activeIndex)
        list.draw(on: frame, region: layout.content)
        keyboard?.draw(on: frame)
        damage = [layout.screen]
    }

    private func drawHeader() {
        header.draw(on: frame, context: context, status: status)
        damage.append(layout.header)
    }

    private func drawNavigation() {
        navigation.draw(on: frame, active: activeIndex)
        damage.append(layout.navigation)
    }

    private func drawContent() {
        frame.fill(layout.content, theme.background)
        list.draw(on: frame, region: layout.content)
        keyboard?.draw(on: frame)
        damage.append(layout.content)
    }

    private func drawKeyboard() {
        guard let keyboard else { return }
        // The accent strip reaches over the list: repaint what it covered.
        list.draw(on: frame, region: keyboard.drawnArea)
        keyboard.draw(on: frame)
        damage.append(keyboard.drawnArea.union(keyboard.frame))
    }

    /// Blocks of screens already shown, until the store changes: coming
    /// back to a screen costs a redraw, not a rebuild.
    private var builtBlocks: [Int: [Block]] = [:]

    /// Where screen `index`'s list goes: the whole content area, or a
    /// readable column of it; above the keyboard while one is open.
    private func listFrame(for index: Int) -> Rect {
        var frame = plugins[index].usesFullWidth ? layout.content : layout.listFrame(theme: theme)
        if let keyboard { frame.height = keyboard.frame.minY - frame.minY }
        return frame
    }

    private func blockWidth(for index: Int) -> Int {
        listFrame(for: index).width - 2 * list.padding
    }

    private func loadActiveScreen(keepingOffset: Bool) {
        let frame = listFrame(for: activeIndex)
        if frame != list.frame { list.setFrame(frame) }
        let width = blockWidth(for: activeIndex)
        let blocks = builtBlocks[activeIndex] ?? plugins[activeIndex].makeBlocks(width: width)
        builtBlocks[activeIndex] = blocks
        list.setBlocks(blocks, keepingOffset: keepingOffset)
    }

    // MARK: Changes

    /// Builds one screen not built yet and loads what its first page
    /// shows, so the first tap on its tab is as quick as the next. Returns
    /// false when there is nothing left to prepare.
    func prepareNextScreen() -> Bool {
        guard let index = plugins.indices.first(where: { builtBlocks[$0] == nil }) else {
            return false
        }
        let width = blockWidth(for: index)
        let blocks = plugins[index].makeBlocks(width: width)
        builtBlocks[index] = blocks
        ListView.prepare(blocks, width: width, height: listFrame(for: index).height)
        return true
    }

    /// Shows screen `index` from its top.
    func select(_ index: Int) {
        guard plugins.indices.contains(index) else { return }
        fling = nil
        if index != activeIndex { closeKeyboard() }
        if index != activeIndex {
            activeIndex = index
            Log.debug("screen shown", ["kiosk.screen": activeScreenID])
        }
        loadActiveScreen(keepingOffset: false)
        drawNavigation()
        drawContent()
    }

    func select(screenID: String) {
        if let index = screenIDs.firstIndex(of: screenID) { select(index) }
    }

    /// The store changed: rebuild the active screen where it was scrolled.
    func contentChanged() {
        builtBlocks.removeAll()
        loadActiveScreen(keepingOffset: true)
        drawHeader()
        drawContent()
    }

    /// Time passed: move a fling along, and the clock when its minute ends.
    func tick(now: UInt64, date: Date) {
        if header.isStale(now: date) { drawHeader() }
        guard var current = fling else { return }
        let position = current.position(at: now)
        if let area = list.scroll(to: Int(position.rounded()), on: frame) { damage.append(area) }
        fling = current.isFinished ? nil : current
    }

    // MARK: Gestures

    func handle(_ gesture: Gesture, now: UInt64) {
        switch gesture {
        case .pressed(let x, let y):
            fling = nil
            let point = Point(x: Int(x), y: Int(y))
            if let keyboard, keyboard.contains(point) {
                touchTarget = .keyboard
                if keyboard.press(at: point) { drawKeyboard() }
            } else if let index = navigation.index(at: point) {
                touchTarget = .navigation(index)
                if navigation.setPressed(index) { drawNavigation() }
            } else if list.frame.contains(point) || layout.content.contains(point) {
                touchTarget = .list
                if let area = list.press(at: point, on: frame) { damage.append(area) }
            } else {
                touchTarget = .none
            }
        case .released:
            endPress()
        case .tap(let x, let y):
            endPress()
            let point = Point(x: Int(x), y: Int(y))
            if case .keyboard = touchTarget, let keyboard {
                apply(keyboard.tap(at: point))
            } else if let index = navigation.index(at: point) {
                select(index)
            } else if list.frame.contains(point) {
                lastListTap = point
                _ = list.tap(at: point)
            }
            touchTarget = .none
        case .longPress(let x, let y):
            // A long press is a slow tap wherever nothing else is meant by
            // it: a worker who holds a tab a little long still gets the
            // screen. Only a letter with accents opens its accent strip.
            let point = Point(x: Int(x), y: Int(y))
            if case .keyboard = touchTarget, let keyboard {
                if keyboard.longPress(at: point) {
                    drawKeyboard()
                } else {
                    apply(keyboard.tap(at: point))
                }
            } else {
                handle(.tap(x: x, y: y), now: now)
            }
        case .dragBegan:
            endPress()
            dragStartOffset = list.scrollOffset
            dragDistance = 0
        case .dragMoved(_, let dy):
            guard case .list = touchTarget else { return }
            dragDistance += dy
            if let area = list.scroll(to: dragStartOffset - Int(dragDistance.rounded()), on: frame)
            {
                damage.append(area)
            }
        case .dragEnded(_, let velocityY):
            guard case .list = touchTarget else { return }
            touchTarget = .none
            let range = 0.0...Double(list.maxScrollOffset)
            let start = Fling(
                position: Double(list.scrollOffset), velocity: -velocityY, range: range, time: now
            )
            fling = start.isFinished ? nil : start
        case .swipe(let direction):
            endPress()
            touchTarget = .none
            switch direction {
            case .left: select(min(plugins.count - 1, activeIndex + 1))
            case .right: select(max(0, activeIndex - 1))
            }
        }
    }

    private func endPress() {
        if keyboard?.release() == true { drawKeyboard() }
        if navigation.setPressed(nil) { drawNavigation() }
        if let area = list.release(on: frame) { damage.append(area) }
    }

    // MARK: Text entry

    /// Applies what a keyboard tap did to the text being edited.
    private func apply(_ action: OnScreenKeyboard.Action) {
        guard var current = entry else { return }
        switch action {
        case .insert(let text): current.text += text
        case .backspace: if !current.text.isEmpty { current.text.removeLast() }
        case .enter, .hide:
            closeKeyboard()
            return
        case .redraw:
            drawKeyboard()
            return
        case .none:
            return
        }
        entry = current
        current.onChange(current.text)
        drawKeyboard()
    }

    /// Text from a hardware keyboard or a badge reader.
    func enterText(_ text: String) {
        guard entry != nil else { return }
        apply(.insert(text))
    }

    /// Keys of a hardware keyboard that edit: backspace, enter, escape.
    func press(keyCode: UInt32) {
        guard entry != nil else { return }
        switch keyCode {
        case 14: apply(.backspace)
        case 1, 28, 96: apply(.enter)
        default: break
        }
    }

    private func closeKeyboard() {
        guard keyboard != nil else { return }
        keyboard = nil
        entry = nil
        list.setFrame(listFrame(for: activeIndex))
        drawContent()
    }

    /// Photos that blocks on screen were waiting for have been decoded.
    func picturesArrived() {
        damage.append(contentsOf: list.repaintWaiting(on: frame))
    }
}

extension Shell: PluginHost {
    func reloadScreen() {
        builtBlocks[activeIndex] = nil
        loadActiveScreen(keepingOffset: true)
        frame.fill(list.frame, theme.background)
        list.draw(on: frame, region: list.frame)
        damage.append(list.frame)
    }

    func beginTextEntry(_ text: String, onChange: @escaping (String) -> Void) {
        entry = (text, onChange)
        let content = layout.content
        let height = OnScreenKeyboard.height(theme: theme, width: content.width)
        let area = Rect(
            x: content.minX, y: content.maxY - height, width: content.width, height: height)
        if let keyboard {
            keyboard.setFrame(area)
        } else {
            keyboard = OnScreenKeyboard(theme: theme, fonts: context.fonts, frame: area)
        }
        list.setFrame(listFrame(for: activeIndex))
        // Keep the field and what it finds above the keyboard.
        if let field = lastListTap { list.bringToTop(blockAt: field) }
        drawContent()
    }

    func endTextEntry() {
        closeKeyboard()
    }
}
