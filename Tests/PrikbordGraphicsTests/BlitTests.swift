import PrikbordGraphics
import Testing

@Suite struct BlitTests {
    /// Rows coloured by their index, so a moved row can be recognised.
    func striped(width: Int = 8, height: Int = 20) -> Surface {
        let surface = Surface(width: width, height: height)
        for y in 0..<height {
            surface.fill(Rect(x: 0, y: y, width: width, height: 1), Color(r: UInt8(y), g: 0, b: 0))
        }
        return surface
    }

    @Test(arguments: [5, -5, 1, -1, 12])
    func shiftMovesRowsInsideTheRect(dy: Int) {
        let surface = striped()
        let rect = Rect(x: 2, y: 2, width: 4, height: 15)
        surface.shift(rect, dy: dy)

        for y in rect.minY..<rect.maxY {
            let source = y - dy
            guard source >= rect.minY && source < rect.maxY else { continue }
            #expect(surface.pixel(x: 3, y: y).r == UInt8(source), "row \(y)")
        }
        #expect(surface.pixel(x: 0, y: 10).r == 10)  // left of the rect
        #expect(surface.pixel(x: 7, y: 10).r == 10)  // right of the rect
        #expect(surface.pixel(x: 3, y: 0).r == 0)  // above
        #expect(surface.pixel(x: 3, y: 19).r == 19)  // below
    }

    @Test func copyCarriesOnlyTheRect() {
        let source = striped()
        let target = Surface(width: 8, height: 20, color: .white)
        target.copy(Rect(x: 1, y: 4, width: 3, height: 2), from: source)
        #expect(target.pixel(x: 1, y: 4).r == 4)
        #expect(target.pixel(x: 3, y: 5).r == 5)
        #expect(target.pixel(x: 4, y: 5) == .white)
        #expect(target.pixel(x: 1, y: 6) == .white)
    }

    @Test func comparisonToleratesNoiseAndCatchesChanges() {
        let a = Surface(width: 20, height: 20, color: Color(hex: 0x808080))
        let b = Surface(width: 20, height: 20, color: Color(hex: 0x828080))
        let noise = comparePictures(a, b, channelTolerance: 3)
        #expect(noise.differingPixels == 0 && noise.maxChannelDelta == 2 && noise.total == 400)

        b.fill(Rect(x: 0, y: 0, width: 5, height: 4), .black)
        let changed = comparePictures(a, b, channelTolerance: 3)
        #expect(changed.differingPixels == 20)
        #expect(changed.maxChannelDelta == 128)

        let other = comparePictures(a, Surface(width: 10, height: 10), channelTolerance: 3)
        #expect(other.differingPixels == other.total)
    }
}
