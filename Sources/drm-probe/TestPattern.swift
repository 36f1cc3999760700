import PrikbordGraphics

/// Four coloured quadrants, a marker in the logical top-left corner (so a
/// rotation shows) and a white box that moves one column per step.
enum TestPattern {
    static let quadrants: [Color] = [
        Color(hex: 0xd03030), Color(hex: 0x30a040), Color(hex: 0x3050d0), Color(hex: 0xe0c020),
    ]
    static let marker = Color(hex: 0xff00ff)

    static func draw(_ frame: Surface, step: Int) {
        let halfWidth = frame.width / 2
        let halfHeight = frame.height / 2
        for (index, color) in quadrants.enumerated() {
            let rect = Rect(
                x: index % 2 * halfWidth, y: index / 2 * halfHeight,
                width: frame.width - halfWidth, height: frame.height - halfHeight
            )
            frame.fill(rect, color)
        }
        frame.fill(markerRect(frame), marker)
        frame.fill(box(frame, step: step), .white)
    }

    /// Moves the box from `step - 1` to `step`; returns the damage.
    static func advance(_ frame: Surface, to step: Int) -> [Rect] {
        let old = box(frame, step: step - 1)
        let new = box(frame, step: step)
        draw(frame, step: step)
        return [old, new]
    }

    static func markerRect(_ frame: Surface) -> Rect {
        Rect(x: 0, y: 0, width: frame.width / 10, height: frame.height / 10)
    }

    static func box(_ frame: Surface, step: Int) -> Rect {
        let side = min(frame.width, frame.height) / 6
        let x = frame.width / 8 + (step % 6) * (frame.width / 8)
        return Rect(x: x, y: frame.height / 3, width: side, height: side)
    }
}
