import PrikbordGraphics
import Testing

@testable import PrikbordUI

/// A block that counts its layouts and can stand in for one whose photo
/// is still being decoded.
@MainActor
final class CountingBlock: Block {
    var layouts = 0
    var discarded = 0
    var holdsLayout = false
    /// While set, drawing reports a picture that has not arrived.
    var pictureMissing = false
    var drawnWithPicture = 0

    func height(forWidth width: Int) -> Int {
        if !holdsLayout { layouts += 1 }
        holdsLayout = true
        return 120
    }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        _ = height(forWidth: frame.width)
        if pictureMissing {
            PendingPictures.missed = true
            surface.fill(frame, .white)
        } else {
            drawnWithPicture += 1
            surface.fill(frame, Color(hex: 0x3366CC))
        }
    }

    func discardLayout() {
        holdsLayout = false
        discarded += 1
    }
}

@MainActor
struct ListViewMemoryTests {
    let frame = Rect(x: 0, y: 0, width: 600, height: 800)

    @Test func farBlocksDropTheirLayoutsButKeepTheirPlaces() {
        let list = ListView(frame: frame, background: .white, padding: 20, spacing: 10)
        let blocks = (0..<1000).map { _ in CountingBlock() }
        list.setBlocks(blocks)
        while !list.isFullyMeasured { list.measureAhead(count: 25) }

        let holding = blocks.filter(\.holdsLayout).count
        #expect(holding <= ListView.keptLayouts + 25)
        // The blocks near the top, where the list is shown, kept theirs.
        #expect(blocks[0].holdsLayout && blocks[5].holdsLayout)
        #expect(list.contentHeight == 20 + 1000 * 120 + 999 * 10 + 20)

        // Scrolling all the way down lays out every block on the way, yet
        // only those near the shown part keep their layouts.
        let surface = Surface(width: 600, height: 800, color: .white)
        for offset in stride(from: 0, through: 60_000, by: 400) {
            list.scroll(to: offset)
            _ = list.drawChanges(on: surface)
        }
        #expect(blocks.filter(\.holdsLayout).count <= ListView.keptLayouts + 80)
        #expect(!blocks[0].holdsLayout)
        #expect(blocks[60_000 / 130].holdsLayout)
    }

    @Test func blockDrawnWithoutItsPictureIsRepaintedWhenItArrives() {
        let list = ListView(frame: frame, background: .white, padding: 20, spacing: 10)
        let blocks = (0..<10).map { _ in CountingBlock() }
        blocks[2].pictureMissing = true
        list.setBlocks(blocks)
        let surface = Surface(width: 600, height: 800, color: .white)
        list.draw(on: surface, region: frame)
        #expect(surface.pixel(x: 300, y: 20 + 2 * 130 + 60) == .white)

        #expect(!list.needsDrawing)

        blocks[2].pictureMissing = false
        list.picturesArrived()
        #expect(list.needsDrawing)
        let painted = list.drawChanges(on: surface)
        #expect(painted == Rect(x: 20, y: 20 + 2 * 130, width: 560, height: 120))
        #expect(surface.pixel(x: 300, y: 20 + 2 * 130 + 60) == Color(hex: 0x3366CC))
        // Nothing waits any more.
        list.picturesArrived()
        #expect(!list.needsDrawing)
    }
}
