import CFreeType
import CHarfBuzz

/// One font file's face at one pixel size: a FreeType size on the file's
/// face and the HarfBuzz font that shapes with it. Owns both handles.
final class Face {
    /// Unique within its font library; part of every glyph cache key.
    let id: Int
    let source: FaceSource
    let pixelSize: Int
    /// Synthetic emboldening in 26.6 pixels (0 for a real face of the weight).
    let embolden: Int
    /// From the size metrics, in 26.6 pixels; `descender` is negative.
    let ascender: Int
    let descender: Int

    private let file: FontFile
    private let size: FT_Size
    private let font: OpaquePointer

    // Glyphs are placed at quarter pixels by unhinted advances and rendered
    // hinted only vertically (FreeType's "light" mode), so spacing stays true.
    private static let renderLoadFlags = Int32(1 << 16)  // FT_LOAD_TARGET_LIGHT

    init(id: Int, source: FaceSource, pixelSize: Int, file: FontFile) throws {
        let size = try Face.makeSize(on: file.face, pixelSize: pixelSize, path: source.path)
        guard let font = file.makeShapingFont(pixelSize: pixelSize) else {
            FT_Done_Size(size)
            throw FontError("hb_font_create", "no HarfBuzz font", subject: source.path)
        }

        self.id = id
        self.source = source
        self.pixelSize = pixelSize
        self.file = file
        self.size = size
        self.font = font
        ascender = Int(size.pointee.metrics.ascender)
        descender = Int(size.pointee.metrics.descender)
        embolden = Int((source.embolden * Double(pixelSize) * 64).rounded())
    }

    deinit {
        hb_font_destroy(font)
        FT_Done_Size(size)
    }

    /// Whether the face has a glyph for `scalar`.
    func hasGlyph(for scalar: UInt32) -> Bool {
        file.hasGlyph(for: scalar)
    }

    /// Hands `body` the HarfBuzz font, with this size active on the file's
    /// face for fonts that shape through FreeType.
    func withShapingFont<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        activate()
        return try body(font)
    }

    /// Renders `glyph` shifted right by `phase` quarter pixels and hands its
    /// coverage to `body`: rows of bytes, the pitch, and where the bitmap's
    /// top-left corner lies from the pen. `nil` bitmap pointer for empty glyphs.
    func withRenderedGlyph<R>(
        _ glyph: UInt32, phase: Int,
        _ body: (GlyphBitmap) throws -> R
    ) throws -> R {
        activate()
        let face = file.face
        let loaded = FT_Load_Glyph(face, glyph, Face.renderLoadFlags | Int32(FT_LOAD_NO_BITMAP))
        guard loaded == 0 else {
            throw FontError(freeType: "FT_Load_Glyph \(glyph)", code: loaded, subject: source.path)
        }
        let slot = face.pointee.glyph!
        if slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE {
            if embolden > 0 {
                FT_Outline_EmboldenXY(
                    &slot.pointee.outline, FT_Pos(embolden), FT_Pos(embolden / 2))
                // Emboldening grows the outline both ways; keep the left edge put.
                FT_Outline_Translate(&slot.pointee.outline, FT_Pos(embolden / 2), 0)
            }
            FT_Outline_Translate(&slot.pointee.outline, FT_Pos(phase * 16), 0)
        }
        let rendered = FT_Render_Glyph(slot, FT_RENDER_MODE_LIGHT)
        guard rendered == 0 else {
            throw FontError(
                freeType: "FT_Render_Glyph \(glyph)", code: rendered, subject: source.path)
        }
        let bitmap = slot.pointee.bitmap
        return try body(
            GlyphBitmap(
                rows: bitmap.buffer.map { UnsafePointer($0) },
                width: Int(bitmap.width), height: Int(bitmap.rows), pitch: Int(bitmap.pitch),
                left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top)))
    }

    /// Makes this size the one the file's face loads glyphs at.
    private func activate() {
        let code = FT_Activate_Size(size)
        // FreeType refuses only a size without a face.
        assert(code == 0, "FT_Activate_Size failed: FreeType error \(code)")
    }

    /// A new size on `face` at `pixelSize`, left active.
    private static func makeSize(on face: FT_Face, pixelSize: Int, path: String) throws -> FT_Size {
        var size: FT_Size?
        let made = FT_New_Size(face, &size)
        guard made == 0, let size else {
            throw FontError(freeType: "FT_New_Size", code: made, subject: path)
        }
        // FT_Set_Pixel_Sizes sets the active size.
        let activated = FT_Activate_Size(size)
        let sized = activated == 0 ? FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize)) : activated
        guard sized == 0 else {
            FT_Done_Size(size)
            let call = activated == 0 ? "FT_Set_Pixel_Sizes" : "FT_Activate_Size"
            throw FontError(freeType: call, code: sized, subject: path)
        }
        return size
    }
}

/// A rendered glyph's 8-bit coverage, valid only inside `withRenderedGlyph`.
struct GlyphBitmap {
    let rows: UnsafePointer<UInt8>?
    let width: Int
    let height: Int
    let pitch: Int
    let left: Int
    let top: Int
}
