import PrikbordGraphics
import PrikbordUI
import Testing

/// A block of a solid colour with a label, tall enough to cross strips.
@MainActor
final class StripeBlock: Block {
    let color: Color
    let size: Int
    let label: TextLayout
    var taps = 0

    init(index: Int, fonts: FontLibrary) {
        let palette: [UInt32] = [0xCC4444, 0x44AA66, 0x3366CC, 0xDDAA22, 0x8844AA]
        color = Color(hex: palette[index % palette.count])
        size = 90 + (index * 37) % 120
        label = TextLayout(
            "Block \(index) · Łódź · Жовтень", style: TextStyle(size: 30), fonts: fonts)
    }

    func height(forWidth width: Int) -> Int { size }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        surface.fillRoundedRect(frame, radius: 18, pressedAt == nil ? color : .black)
        surface.draw(label, at: Point(x: frame.minX + 20, y: frame.minY + 20), .white)
    }

    func isPressable(at point: Point, width: Int) -> Bool { true }

    func tap(at point: Point, width: Int) -> Bool {
        taps += 1
        return true
    }
}

@MainActor
struct ListViewTests {
    let fonts: FontLibrary
    let frame = Rect(x: 0, y: 100, width: 600, height: 700)

    init() throws {
        fonts = try FontLibrary()
    }

    func makeList(count: Int) -> (ListView, [StripeBlock]) {
        let list = ListView(frame: frame, background: .white, padding: 24, spacing: 16)
        let blocks = (0..<count).map { StripeBlock(index: $0, fonts: fonts) }
        list.setBlocks(blocks)
        return (list, blocks)
    }

    /// Scrolling by moving pixels must leave exactly what a full repaint at
    /// the same offset draws, whichever way and however far it moves, with a
    /// frame after every move or one for all of them.
    @Test(
        arguments: [[5, 17, 240], [300, -120, -7, 64], [1200, -40], [9999]], [true, false])
    func scrolledPixelsMatchAFullRepaint(steps: [Int], framePerMove: Bool) {
        let (list, _) = makeList(count: 40)
        let scrolled = Surface(width: 600, height: 900, color: .white)
        list.draw(on: scrolled, region: frame)
        var offset = 0
        for step in steps {
            offset += step
            list.scroll(to: offset)
            if framePerMove { #expect(list.drawChanges(on: scrolled) != nil) }
        }
        if !framePerMove { #expect(list.drawChanges(on: scrolled) == frame) }
        #expect(list.scrollOffset == min(max(0, offset), list.maxScrollOffset))
        #expect(!list.needsDrawing)

        let repainted = Surface(width: 600, height: 900, color: .white)
        list.draw(on: repainted, region: frame)
        let difference = comparePictures(scrolled, repainted, channelTolerance: 0)
        #expect(difference.differingPixels == 0)
    }

    @Test func scrollStopsAtTheEnds() {
        let (list, _) = makeList(count: 40)
        #expect(!list.scroll(to: -500))
        #expect(list.scrollOffset == 0)
        #expect(list.scroll(to: 1_000_000))
        #expect(list.scrollOffset == list.maxScrollOffset)
        #expect(list.maxScrollOffset == list.contentHeight - frame.height)
    }

    /// Nothing drawn yet: the first frame paints the whole list.
    @Test func firstFramePaintsTheWholeList() {
        let (list, _) = makeList(count: 10)
        let surface = Surface(width: 600, height: 900, color: .white)
        #expect(list.needsDrawing)
        #expect(list.drawChanges(on: surface) == frame)
        #expect(list.drawChanges(on: surface) == nil)
    }

    @Test func blockUnderAFingerCanBeBroughtToTheTop() {
        let (list, blocks) = makeList(count: 10)
        let surface = Surface(width: 600, height: 900)
        list.draw(on: surface, region: frame)
        // The third block: 24 padding, then two blocks and their spacing.
        let third = 24 + blocks[0].size + 16 + blocks[1].size + 16
        list.bringToTop(blockAt: Point(x: 300, y: frame.minY + third + 5))
        #expect(list.scrollOffset == third - 12)
    }

    @Test func tapReachesTheBlockUnderTheFinger() {
        let (list, blocks) = makeList(count: 10)
        let surface = Surface(width: 600, height: 900)
        list.draw(on: surface, region: frame)
        // The first block starts after the 24 px padding.
        #expect(list.tap(at: Point(x: 300, y: frame.minY + 30)))
        #expect(blocks[0].taps == 1)
        #expect(blocks[1].taps == 0)
        // Outside the list nothing is hit.
        #expect(!list.tap(at: Point(x: 300, y: 20)))
    }

    @Test func pressShowsAndReleaseClearsThePressedState() {
        let (list, _) = makeList(count: 10)
        let surface = Surface(width: 600, height: 900, color: .white)
        list.draw(on: surface, region: frame)
        let point = Point(x: 300, y: frame.minY + 60)
        let before = surface.pixel(x: 40, y: frame.minY + 70)

        list.press(at: point)
        #expect(surface.pixel(x: 40, y: frame.minY + 70) == before)
        let damage = list.drawChanges(on: surface)
        #expect(damage != nil && damage != frame)
        #expect(surface.pixel(x: 40, y: frame.minY + 70) == .black)

        list.release()
        #expect(list.drawChanges(on: surface) == damage)
        #expect(surface.pixel(x: 40, y: frame.minY + 70) == before)
    }

    /// A press that came and went between two frames: the surface already
    /// shows the block as it is.
    @Test func pressThatCameAndWentBetweenFramesDrawsNothing() {
        let (list, _) = makeList(count: 10)
        let surface = Surface(width: 600, height: 900, color: .white)
        list.draw(on: surface, region: frame)
        list.press(at: Point(x: 300, y: frame.minY + 60))
        list.release()
        #expect(!list.needsDrawing)
        #expect(list.drawChanges(on: surface) == nil)
    }
}
