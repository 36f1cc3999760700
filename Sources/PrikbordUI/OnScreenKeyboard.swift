import PrikbordGraphics

/// A large-key touch keyboard for search and text entry.
///
/// It draws itself in a rectangle at the bottom of the screen and turns
/// taps into edits. A long press on a letter opens a strip of its accented
/// forms above the key; the next tap picks one (or closes the strip).
@MainActor
public final class OnScreenKeyboard {
    /// What a tap on the keyboard did.
    public enum Action: Equatable, Sendable {
        case insert(String)
        case backspace
        case enter
        case hide
        /// Something on the keyboard itself changed (layout, shift, accents).
        case redraw
        case none
    }

    public private(set) var layout: KeyboardLayout = .latin
    public private(set) var isShifted = false
    /// The accent strip, when a long press opened one.
    public private(set) var accentChoices: (key: Rect, choices: [String])?
    private var pressedKey: Rect?

    private let theme: Theme
    private let fonts: FontLibrary
    public private(set) var frame: Rect
    private var labels: [String: TextLayout] = [:]

    public init(theme: Theme, fonts: FontLibrary, frame: Rect) {
        self.theme = theme
        self.fonts = fonts
        self.frame = frame
    }

    /// The height a keyboard wants at a screen width: four rows of keys
    /// at least 15 mm tall on a kiosk.
    public static func height(theme: Theme, width: Int) -> Int {
        theme.px(4 * 118 + 5 * 14)
    }

    public func setFrame(_ newFrame: Rect) { frame = newFrame }

    public func switchLayout(to newLayout: KeyboardLayout) {
        layout = newLayout
        accentChoices = nil
    }

    // MARK: Geometry

    private var gap: Int { theme.px(14) }

    /// Every key with its rectangle, row by row.
    public func keys() -> [(key: KeyboardLayout.Key, frame: Rect)] {
        let rows = layout.rows
        let rowHeight = (frame.height - gap * (rows.count + 1)) / rows.count
        let widest = rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 1
        let unit = Double(frame.width - gap * (Int(widest.rounded(.up)) + 1)) / widest
        var result: [(KeyboardLayout.Key, Rect)] = []
        for (rowIndex, row) in rows.enumerated() {
            let spans = row.reduce(0) { $0 + $1.span }
            let rowWidth = spans * unit + Double(gap * (row.count - 1))
            var x = Double(frame.minX) + (Double(frame.width) - rowWidth) / 2
            let y = frame.minY + gap + rowIndex * (rowHeight + gap)
            for key in row {
                let width = key.span * unit
                result.append(
                    (
                        key,
                        Rect(
                            x: Int(x.rounded()), y: y, width: Int(width.rounded()),
                            height: rowHeight)
                    ))
                x += width + Double(gap)
            }
        }
        return result
    }

    private func key(at point: Point) -> (key: KeyboardLayout.Key, frame: Rect)? {
        keys().first { $0.frame.insetBy(dx: -gap / 2, dy: -gap / 2).contains(point) }
    }

    private func accentFrames() -> [(String, Rect)] {
        guard let (anchor, choices) = accentChoices else { return [] }
        let size = anchor.height
        let total = choices.count * size + (choices.count - 1) * gap
        var x = min(
            max(frame.minX + gap, anchor.minX + anchor.width / 2 - total / 2),
            frame.maxX - gap - total)
        let y = anchor.minY - size - gap
        return choices.map { choice in
            defer { x += size + gap }
            return (choice, Rect(x: x, y: y, width: size, height: size))
        }
    }

    /// The area the keyboard draws in, the accent strip included.
    public var drawnArea: Rect {
        accentFrames().reduce(frame) { $0.union($1.1.insetBy(dx: -gap, dy: -gap)) }
    }

    /// What the last `draw(on:)` covered: an accent strip that has closed
    /// since still shows there until the list is painted over it.
    public private(set) var paintedArea: Rect?

    // MARK: Touch

    /// A finger came down: the key under it shows pressed.
    public func press(at point: Point) -> Bool {
        let target = accentFrames().first { $0.1.contains(point) }?.1 ?? key(at: point)?.frame
        guard target != pressedKey else { return false }
        pressedKey = target
        return true
    }

    public func release() -> Bool {
        defer { pressedKey = nil }
        return pressedKey != nil
    }

    public func contains(_ point: Point) -> Bool {
        drawnArea.contains(point)
    }

    public func tap(at point: Point) -> Action {
        pressedKey = nil
        if accentChoices != nil {
            let picked = accentFrames().first { $0.1.contains(point) }?.0
            accentChoices = nil
            return picked.map { .insert(shifted($0)) } ?? .redraw
        }
        guard let (key, _) = key(at: point) else { return .none }
        switch key {
        case .character(let text):
            // Shift holds for one letter, as on a phone.
            defer { isShifted = false }
            return .insert(shifted(text))
        case .space: return .insert(" ")
        case .backspace: return .backspace
        case .enter: return .enter
        case .hide: return .hide
        case .shift:
            isShifted.toggle()
            return .redraw
        case .switchLayout:
            switchLayout(to: layout.next)
            return .redraw
        }
    }

    /// Opens the accent strip of the letter under the finger, if it has one.
    public func longPress(at point: Point) -> Bool {
        guard case .character(let text)? = key(at: point)?.key,
            let choices = layout.accents[text], let anchor = key(at: point)?.frame
        else { return false }
        pressedKey = nil
        accentChoices = (anchor, choices)
        return true
    }

    private func shifted(_ text: String) -> String {
        isShifted ? text.uppercased() : text
    }

    // MARK: Drawing

    public func draw(on surface: Surface) {
        paintedArea = drawnArea
        surface.fill(frame, Color(hex: 0xDCE2DD))
        for (key, box) in keys() {
            let special: Bool
            if case .character = key {
                special = false
            } else if case .space = key {
                special = false
            } else {
                special = true
            }
            let isPressed = pressedKey == box
            let fill = isPressed ? theme.accentSoft : (special ? Color(hex: 0xBFC9C2) : .white)
            surface.fillRoundedRect(
                box.offsetBy(dx: 0, dy: theme.px(3)), radius: theme.px(14), Color(hex: 0xA9B4AC))
            surface.fillRoundedRect(box, radius: theme.px(14), fill)
            drawLabel(label(for: key), in: box, on: surface, small: special)
            if case .character(let text) = key, layout.accents[text] != nil {
                surface.fillCircle(
                    center: Point(x: box.maxX - theme.px(16), y: box.minY + theme.px(16)),
                    radius: max(2, theme.px(4)), theme.faintInk)
            }
        }
        for (choice, box) in accentFrames() {
            surface.drawShadow(box, radius: theme.px(14), blur: theme.px(12), theme.shadow)
            surface.fillRoundedRect(
                box, radius: theme.px(14), pressedKey == box ? theme.accentSoft : .white)
            drawLabel(shifted(choice), in: box, on: surface, small: false)
        }
    }

    private func label(for key: KeyboardLayout.Key) -> String {
        switch key {
        case .character(let text): shifted(text)
        case .space: " "
        case .backspace: "⌫"
        case .shift: "⇧"
        case .switchLayout: layout.next.name
        case .hide: "⌨"
        case .enter: "⏎"
        }
    }

    private func drawLabel(_ text: String, in box: Rect, on surface: Surface, small: Bool) {
        guard text != " " else { return }
        let cacheKey = (small ? "s:" : "l:") + text
        let layout =
            labels[cacheKey]
            ?? TextLayout(
                text,
                style: small
                    ? theme.label : TextStyle(size: theme.px(46), weight: .medium, lineHeight: 1.0),
                fonts: fonts
            )
        labels[cacheKey] = layout
        surface.draw(
            layout,
            at: Point(
                x: box.minX + (box.width - layout.width) / 2,
                y: box.minY + (box.height - layout.height) / 2),
            isShifted && text == "⇧" ? theme.accent : theme.ink
        )
    }
}
