import Foundation
import PrikbordGraphics
import Testing

@Suite struct ImageTests {
    @Test func jpegDecodesWithItsSizeAndColours() throws {
        let image = try Image.decode(TestPictures.jpeg(width: 64, height: 32))
        #expect(image.width == 64 && image.height == 32)

        let surface = Surface(width: 64, height: 32)
        surface.draw(image, in: Rect(x: 0, y: 0, width: 64, height: 32))
        let left = surface.pixel(x: 8, y: 16)
        let right = surface.pixel(x: 56, y: 16)
        #expect(left.r > 200 && left.b < 30)
        #expect(right.b > 200 && right.r < 30)
    }

    @Test func pngDecodesWithItsSizeAndColours() throws {
        let image = try Image.decode(
            TestPictures.png(width: 10, height: 6, color: Color(hex: 0x22AA44)))
        #expect(image.width == 10 && image.height == 6)

        let surface = Surface(width: 10, height: 6)
        surface.draw(image, in: Rect(x: 0, y: 0, width: 10, height: 6))
        #expect(surface.pixel(x: 5, y: 3) == Color(hex: 0x22AA44))
        #expect(surface.pixel(x: 0, y: 0) == .black)
    }

    @Test func zoomShowsTheMiddleOfThePhotoOnly() throws {
        // A white picture with a black frame 10 pixels wide.
        let framed = Surface(width: 100, height: 100, color: .black)
        framed.fill(Rect(x: 10, y: 10, width: 80, height: 80), .white)
        let image = try Image.decode(try framed.pngData())

        let whole = Surface(width: 100, height: 100, color: .clear)
        whole.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 100))
        #expect(whole.pixel(x: 3, y: 50) == .black)

        let closer = Surface(width: 100, height: 100, color: .clear)
        closer.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 100), zoom: 2)
        #expect(closer.pixel(x: 3, y: 50) == .white)
        #expect(closer.pixel(x: 50, y: 3) == .white)
    }

    static let damaged: [(String, Data)] = {
        let jpeg = TestPictures.jpeg(width: 64, height: 64)
        var scrambled = jpeg
        for i in stride(from: 200, to: scrambled.count - 2, by: 3) { scrambled[i] ^= 0x5A }
        return [
            ("truncated JPEG", jpeg.prefix(jpeg.count / 2)),
            ("scrambled JPEG", scrambled),
            ("JPEG signature only", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16])),
            ("PNG signature only", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])),
            ("not a picture", Data("hallo".utf8)),
            ("empty", Data()),
        ]
    }()

    @Test(arguments: damaged)
    func damagedDataThrowsAnImageError(_ name: String, _ data: Data) {
        #expect(throws: ImageError.self, "\(name)") { try Image.decode(data) }
    }

    @Test func corruptJPEGErrorSaysWhatFailed() {
        let data = TestPictures.jpeg(width: 32, height: 32).prefix(100)
        #expect {
            try Image.decode(Data(data))
        } throws: { error in
            let failure = error as? ImageError
            return failure?.kind == .corrupt && failure?.format == "JPEG"
                && !(failure?.reason.isEmpty ?? true)
        }
    }

    /// A few kilobytes of flat PNG can claim hundreds of megabytes once
    /// decoded; as a photo it is refused before its pixels exist. A camera's
    /// big JPEG still decodes, smaller.
    @Test func photoThatWouldDecodeHugeIsRefused() throws {
        let flat = try Surface(width: 2100, height: 2100, color: .white).pngData()
        #expect(flat.count < 100_000)
        #expect {
            try Image.decode(flat)
        } throws: { error in
            let failure = error as? ImageError
            return failure?.kind == .tooLarge && failure?.format == "PNG"
                && (failure?.reason.contains("2100x2100") ?? false)
        }
        let camera = TestPictures.jpeg(width: 4000, height: 3000, quality: 50)
        #expect(throws: ImageError.self) { try Image.decode(camera) }
        let scaled = try Image.decode(camera, atLeast: 700)
        #expect(scaled.width == 1000 && scaled.height == 750)
    }

    @Test func circularPhotoLeavesTheCornersAlone() throws {
        let image = try Image.decode(TestPictures.jpeg(width: 200, height: 200))
        let surface = Surface(width: 100, height: 100)
        surface.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 100), circular: true)
        #expect(surface.pixel(x: 1, y: 1) == .white)
        #expect(surface.pixel(x: 98, y: 98) == .white)
        #expect(surface.pixel(x: 20, y: 50).r > 200)
        #expect(surface.pixel(x: 80, y: 50).b > 200)
        let edge = surface.pixel(x: 50, y: 0)
        #expect(edge != .white || surface.pixel(x: 50, y: 1) != .white)
    }

    @Test func fitKeepsProportionsAndLeavesBars() throws {
        let image = try Image.decode(TestPictures.jpeg(width: 100, height: 50))
        let surface = Surface(width: 100, height: 100)
        surface.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 100), mode: .fit)
        #expect(surface.pixel(x: 50, y: 10) == .white)
        #expect(surface.pixel(x: 10, y: 50).r > 200)
        #expect(surface.pixel(x: 50, y: 90) == .white)
    }

    @Test func largeDownscaleIsSmoothNotAliased() throws {
        // A fine checkerboard shrunk 16× must average to grey, not keep stripes.
        let side = 512
        let board = Surface(width: side, height: side, color: .white)
        for y in 0..<side {
            for x in stride(from: (y % 2), to: side, by: 2) {
                board.fill(Rect(x: x, y: y, width: 1, height: 1), .black)
            }
        }
        let image = try Image.decode(board.pngData())
        let surface = Surface(width: 32, height: 32)
        surface.draw(image, in: Rect(x: 0, y: 0, width: 32, height: 32))
        for (x, y) in [(5, 5), (16, 16), (27, 9)] {
            let grey = Int(surface.pixel(x: x, y: y).g)
            #expect(abs(grey - 128) < 16, "pixel \(x),\(y) is \(grey)")
        }
    }
}

/// A photo that can be decoded again keeps only its scaled copy once drawn,
/// and is decoded again if another size is asked for.
@Test func drawnPhotoKeepsItsScaledCopyAndDecodesAgainWhenNeeded() throws {
    let data = TestPictures.jpeg(portraitOfSide: 640)
    let photo = try Image.decode(data)
    let surface = Surface(width: 300, height: 300, color: .white)
    surface.draw(photo, in: Rect(x: 0, y: 0, width: 100, height: 100))
    #expect(photo.residentPixels == 640 * 640 + 100 * 100, "without a reload both stay")

    var reloads = 0
    photo.setReload {
        reloads += 1
        return try? Image.decode(data)
    }
    #expect(photo.residentPixels == 100 * 100)
    let before = Surface(width: 300, height: 300, color: .white)
    before.draw(photo, in: Rect(x: 0, y: 0, width: 100, height: 100))
    #expect(reloads == 0, "the size already made needs no decoding")
    #expect(comparePictures(before, surface, channelTolerance: 0).differingPixels == 0)

    surface.draw(photo, in: Rect(x: 100, y: 100, width: 200, height: 200))
    #expect(reloads == 1)
    #expect(surface.pixel(x: 200, y: 200) != .white)
}
