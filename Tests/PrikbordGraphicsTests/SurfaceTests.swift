import Foundation
import PrikbordGraphics
import Testing

@Suite struct SurfaceTests {
    @Test func newSurfaceIsFilledWithItsColour() {
        let surface = Surface(width: 8, height: 4, color: Color(hex: 0x336699))
        #expect(surface.pixel(x: 0, y: 0) == Color(hex: 0x336699))
        #expect(surface.pixel(x: 7, y: 3) == Color(hex: 0x336699))
        #expect(surface.stride >= 32)
    }

    @Test func opaqueFillReplacesAndTranslucentFillBlends() {
        let surface = Surface(width: 10, height: 10, color: .white)
        surface.fill(Rect(x: 2, y: 2, width: 3, height: 3), Color(hex: 0xFF0000))
        #expect(surface.pixel(x: 2, y: 2) == Color(hex: 0xFF0000))
        #expect(surface.pixel(x: 5, y: 5) == .white)

        surface.fill(Rect(x: 0, y: 0, width: 10, height: 10), Color(r: 0, g: 0, b: 0, a: 128))
        let grey = surface.pixel(x: 9, y: 9)
        #expect(abs(Int(grey.r) - 127) <= 1 && grey.r == grey.g && grey.g == grey.b)
    }

    @Test func clipLimitsEveryFill() {
        let surface = Surface(width: 10, height: 10)
        surface.clip = Rect(x: 0, y: 0, width: 5, height: 10)
        surface.fill(Rect(x: 0, y: 0, width: 10, height: 10), .black)
        #expect(surface.pixel(x: 4, y: 4) == .black)
        #expect(surface.pixel(x: 5, y: 4) == .white)

        surface.clip = nil
        surface.fill(Rect(x: 5, y: 0, width: 5, height: 10), .black)
        #expect(surface.pixel(x: 9, y: 9) == .black)
    }

    @Test func wrappedMemoryIsDrawnInPlace() {
        let stride = 16 * 4 + 8
        let memory = UnsafeMutableRawPointer.allocate(byteCount: stride * 4, alignment: 16)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: stride * 4)
        let surface = Surface(wrapping: memory, width: 16, height: 4, stride: stride)
        surface.fill(Rect(x: 1, y: 1, width: 1, height: 1), Color(hex: 0x102030))
        let word = memory.load(fromByteOffset: stride + 4, as: UInt32.self)
        #expect(word & 0x00FF_FFFF == 0x102030)
    }

    @Test func pngRoundTripIsPixelIdentical() throws {
        let surface = Surface(width: 40, height: 30, color: Color(hex: 0x204060))
        surface.fillRoundedRect(Rect(x: 3, y: 3, width: 30, height: 20), radius: 8, .white)
        surface.fill(Rect(x: 0, y: 0, width: 5, height: 5), Color(r: 200, g: 10, b: 90, a: 100))
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-roundtrip-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        try surface.writePNG(to: path)
        let read = try Surface.readPNG(at: path)

        let difference = comparePictures(surface, read, channelTolerance: 0)
        #expect(difference.differingPixels == 0)
        #expect(difference.maxChannelDelta == 0)
        #expect(difference.total == 40 * 30)
    }

    @Test func readingAMissingFileNamesThePath() {
        #expect {
            try Surface.readPNG(at: "/nonexistent/picture.png")
        } throws: { error in
            "\(error)".contains("/nonexistent/picture.png")
        }
    }
}

@Suite struct SurfaceEdgeTests {
    @Test func drawingPastTheEdgesIsCutOff() {
        let surface = Surface(width: 10, height: 10)
        surface.fill(Rect(x: -5, y: 8, width: 30, height: 30), .black)
        surface.fillRoundedRect(Rect(x: 6, y: -4, width: 20, height: 8), radius: 3, .black)
        surface.fillCircle(center: Point(x: 0, y: 0), radius: 4, .black)
        #expect(surface.pixel(x: 5, y: 9) == .black)
        #expect(surface.pixel(x: 5, y: 5) == .white)

        surface.shift(Rect(x: -3, y: -3, width: 30, height: 30), dy: -4)
        #expect(surface.pixel(x: 5, y: 5) == .black)
    }
}
