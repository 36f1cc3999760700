import FoundationEssentials
import PrikbordGraphics
import PrikbordInput
import PrikbordLog
import PrikbordPluginSDK
import PrikbordUI

/// The kiosk's one window: header, navigation and the active screen's
/// list.
///
/// Touch, time and content change its state and mark the parts that must be
/// painted again; `draw(on:)` paints them into the next frame, which holds
/// the frame before, and says which rectangles changed.
@MainActor
final class Shell {
    let context: PluginContext
    private let theme: Theme
    private let layout: ShellLayout
    private let header: HeaderBar
    private let navigation: NavigationBar
    private let list: ListView
    private let plugins: [ScreenPlugin]

    private(set) var activeIndex = 0
    /// Parts to paint again in the next frame.
    private var invalid: Parts = []
    var status: String? {
        didSet { if status != oldValue { repaint(.header) } }
    }

    /// What `draw(on:)` paints; the list's own scrolling and pressed blocks
    /// it tracks itself.
    private struct Parts: OptionSet {
        let rawValue: Int
        /// Everything, from the background up.
        static let screen = Parts(rawValue: 1 << 0)
        static let header = Parts(rawValue: 1 << 1)
        static let navigation = Parts(rawValue: 1 << 2)
        /// The content area: the list and the keyboard.
        static let content = Parts(rawValue: 1 << 3)
        /// The list's frame only.
        static let list = Parts(rawValue: 1 << 4)
        static let keyboard = Parts(rawValue: 1 << 5)
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

    /// Whether the next frame has anything to paint.
    var needsDrawing: Bool { !invalid.isEmpty || list.needsDrawing }

    // MARK: Drawing

    /// Paints what changed since the last call into `surface`, which holds
    /// what that call painted; returns the rectangles it changed.
    func draw(on surface: Surface) -> [Rect] {
        defer { invalid = [] }
        if invalid.contains(.screen) {
            surface.fill(layout.screen, theme.background)
            header.draw(on: surface, context: context, status: status)
            navigation.draw(on: surface, active: activeIndex)
            list.draw(on: surface, region: layout.content)
            keyboard?.draw(on: surface)
            return [layout.screen]
        }

        var damage: [Rect] = []
        if invalid.contains(.header) {
            header.draw(on: surface, context: context, status: status)
            damage.append(layout.header)
        }
        if invalid.contains(.navigation) {
            navigation.draw(on: surface, active: activeIndex)
            damage.append(layout.navigation)
        }
        if invalid.contains(.content) {
            surface.fill(layout.content, theme.background)
            list.draw(on: surface, region: layout.content)
            keyboard?.draw(on: surface)
            damage.append(layout.content)
            return damage
        }
        if invalid.contains(.list) {
            surface.fill(list.frame, theme.background)
            list.draw(on: surface, region: list.frame)
            damage.append(list.frame)
        } else if let area = list.drawChanges(on: surface) {
            damage.append(area)
        }
        if invalid.contains(.keyboard), let keyboard {
            // The accent strip reaches over the list: repaint what it covers
            // now and what it covered when last drawn (it may have closed).
            let area =
                keyboard.paintedArea.map { $0.union(keyboard.drawnArea) } ?? keyboard.drawnArea
            list.draw(on: surface, region: area)
            keyboard.draw(on: surface)
            damage.append(area)
        }
        return damage
    }

    func redrawAll() { repaint(.screen) }

    /// Marks `parts` to be painted again in the next frame.
    private func repaint(_ parts: Parts) { invalid.formUnion(parts) }

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
        repaint(.navigation)
        repaint(.content)
    }

    func select(screenID: String) {
        if let index = screenIDs.firstIndex(of: screenID) { select(index) }
    }

    /// The store changed: rebuild the active screen where it was scrolled.
    func contentChanged() {
        builtBlocks.removeAll()
        loadActiveScreen(keepingOffset: true)
        repaint(.header)
        repaint(.content)
    }

    /// Time passed: move a fling along, and the clock when its minute ends.
    func tick(now: UInt64, date: Date) {
        if header.isStale(now: date) { repaint(.header) }
        guard var current = fling else { return }
        let position = current.position(at: now)
        list.scroll(to: Int(position.rounded()))
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
                if keyboard.press(at: point) { repaint(.keyboard) }
            } else if let index = navigation.index(at: point) {
                touchTarget = .navigation(index)
                if navigation.setPressed(index) { repaint(.navigation) }
            } else if list.frame.contains(point) || layout.content.contains(point) {
                touchTarget = .list
                list.press(at: point)
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
                    repaint(.keyboard)
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
            list.scroll(to: dragStartOffset - Int(dragDistance.rounded()))
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
        if keyboard?.release() == true { repaint(.keyboard) }
        if navigation.setPressed(nil) { repaint(.navigation) }
        list.release()
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
            repaint(.keyboard)
            return
        case .none:
            return
        }
        entry = current
        current.onChange(current.text)
        repaint(.keyboard)
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
        repaint(.content)
    }

    /// Photos that blocks on screen were waiting for have been decoded.
    func picturesArrived() {
        list.picturesArrived()
    }
}

extension Shell: PluginHost {
    func reloadScreen() {
        builtBlocks[activeIndex] = nil
        loadActiveScreen(keepingOffset: true)
        invalid.insert(.list)
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
        repaint(.content)
    }

    func endTextEntry() {
        closeKeyboard()
    }
}
