import Foundation
import Testing

@testable import PrikbordGraphics

/// Every size of a font shares the file's one FreeType face, which loads
/// glyphs at one size at a time.
@Suite struct FontFileTests {
    @Test func sizesOfOneFileDrawAtTheirOwnSize() throws {
        let fonts = try FontLibrary()
        let big = TextLayout("HM", style: TextStyle(size: 64), fonts: fonts)
        // Made last, so its size is the one FreeType was left at.
        let small = TextLayout("HM", style: TextStyle(size: 12), fonts: fonts)

        #expect(inkHeight(of: big) > 40)
        #expect(inkHeight(of: small) < 12)
    }

    /// A Type 1 font of fonts-urw-base35, where it is installed.
    static let type1 = "/usr/share/fonts/X11/Type1/NimbusSans-Regular.pfb"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: type1)))
    func aFileHarfBuzzCannotReadIsShapedThroughFreeType() throws {
        let source = FaceSource(path: Self.type1, index: 0, embolden: 0)
        let file = try FontFile(
            FontFile.Key(path: source.path, index: 0), library: FreeTypeLibrary())
        let small = try Face(id: 0, source: source, pixelSize: 20, file: file)
        let big = try Face(id: 1, source: source, pixelSize: 40, file: file)

        let text = Array("Kantine".utf8)
        func shaped(_ face: Face) -> [ShapedGlyph] {
            var glyphs: [ShapedGlyph] = []
            text.withUnsafeBufferPointer { utf8 in
                Shaper().shape(utf8, range: 0..<utf8.count, face: face, into: &glyphs)
            }
            return glyphs
        }
        let glyphs = shaped(small)
        #expect(glyphs.count == 7)
        #expect(glyphs.allSatisfy { $0.glyph != 0 && $0.advance > 0 })
        // Shaped at its own size, not at the size made last.
        let width = { (glyphs: [ShapedGlyph]) in glyphs.reduce(0) { $0 + Int($1.advance) } }
        #expect(abs(width(shaped(big)) - 2 * width(glyphs)) < 64)
    }

    /// Rows with ink when `layout` is drawn alone.
    private func inkHeight(of layout: TextLayout) -> Int {
        let surface = Surface(width: layout.width + 20, height: layout.height + 20)
        surface.draw(layout, at: Point(x: 10, y: 10), .black)
        return (0..<surface.height).filter { y in
            inkedPixels(surface, in: Rect(x: 0, y: y, width: surface.width, height: 1)) > 0
        }.count
    }
}
