import PrikbordGraphics
import Testing

@testable import PrikbordDisplay

private let marker = Color(hex: 0xff0000)
private let background = Color(hex: 0x202020)

/// A logical 6×4 frame with its top-left pixel marked.
private func markedFrame() -> Surface {
    let frame = Surface(width: 6, height: 4, color: background)
    frame.fill(Rect(x: 0, y: 0, width: 1, height: 1), marker)
    return frame
}

@Test(arguments: [
    (Rotation.none, 6, 4, 0, 0),  // panel top-left
    (Rotation.quarter, 4, 6, 3, 0),  // panel top-right
    (Rotation.half, 6, 4, 5, 3),  // panel bottom-right
    (Rotation.threeQuarters, 4, 6, 0, 5),  // panel bottom-left
])
func logicalTopLeftLandsInTheRightPanelCorner(
    rotation: Rotation, panelWidth: Int, panelHeight: Int, cornerX: Int, cornerY: Int
) throws {
    let display = HeadlessDisplay(width: 6, height: 4, rotation: rotation)
    try display.present(markedFrame(), damage: [display.bounds])

    #expect(display.frame.width == panelWidth && display.frame.height == panelHeight)
    #expect(display.frame.pixel(x: cornerX, y: cornerY) == marker)
    var marked = 0
    for y in 0..<panelHeight {
        for x in 0..<panelWidth where display.frame.pixel(x: x, y: y) == marker { marked += 1 }
    }
    #expect(marked == 1)
}

@Test(arguments: Rotation.allCases)
func everyPixelGoesWhereTheRotationSays(rotation: Rotation) throws {
    let frame = Surface(width: 7, height: 5)
    for y in 0..<5 {
        for x in 0..<7 {
            frame.fill(Rect(x: x, y: y, width: 1, height: 1), Color(hex: UInt32(x << 8 | y)))
        }
    }
    let display = HeadlessDisplay(width: 7, height: 5, rotation: rotation)
    try display.present(frame, damage: [display.bounds])

    for y in 0..<5 {
        for x in 0..<7 {
            let p = rotation.panelPoint(x: x, y: y, logicalWidth: 7, logicalHeight: 5)
            #expect(display.frame.pixel(x: p.x, y: p.y) == frame.pixel(x: x, y: y))
        }
    }
}

@Test func xbgrPanelGetsItsChannelsSwapped() {
    let frame = Surface(width: 2, height: 1, color: Color(hex: 0x112233))
    var memory = [UInt32](repeating: 0, count: 2)
    memory.withUnsafeMutableBytes { bytes in
        let panel = PanelMemory(
            base: bytes.baseAddress!, width: 2, height: 1, stride: 8, format: .xbgr8888
        )
        PanelCopy.copy(
            [Rect(x: 0, y: 0, width: 2, height: 1)], from: frame, to: panel,
            rotation: .none)
    }
    #expect(memory.map { $0 & 0xffffff } == [0x332211, 0x332211])
}

@Test func rgb565PanelKeepsTheTopBits() {
    let frame = Surface(width: 1, height: 1, color: Color(hex: 0xff8040))
    var memory: [UInt16] = [0]
    memory.withUnsafeMutableBytes { bytes in
        let panel = PanelMemory(
            base: bytes.baseAddress!, width: 1, height: 1, stride: 2, format: .rgb565
        )
        PanelCopy.copy(
            [Rect(x: 0, y: 0, width: 1, height: 1)], from: frame, to: panel,
            rotation: .quarter)
    }
    #expect(memory == [0x1f << 11 | 0x20 << 5 | 0x08])
}
