import CFreeType
import CHarfBuzz

/// One font file's face at one pixel size, with the HarfBuzz font that shapes
/// with it. Owns both handles.
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

    private let library: FreeTypeLibrary
    private let face: FT_Face
    let font: OpaquePointer

    // Shaping uses unhinted advances: glyphs are placed at quarter pixels and
    // only hinted vertically (FreeType's "light" mode), so spacing stays true.
    private static let shapingLoadFlags = Int32(FT_LOAD_NO_HINTING)
    private static let renderLoadFlags = Int32(1 << 16)  // FT_LOAD_TARGET_LIGHT

    init(id: Int, source: FaceSource, pixelSize: Int, library: FreeTypeLibrary) throws {
        var face: FT_Face?
        let code = FT_New_Face(library.handle, source.path, source.index, &face)
        guard code == 0, let face else {
            throw FontError(freeType: "FT_New_Face", code: code, subject: source.path)
        }
        let sized = FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize))
        guard sized == 0 else {
            FT_Done_Face(face)
            throw FontError(freeType: "FT_Set_Pixel_Sizes", code: sized, subject: source.path)
        }
        guard let font = hb_ft_font_create_referenced(face) else {
            FT_Done_Face(face)
            throw FontError("hb_ft_font_create", "no HarfBuzz font", subject: source.path)
        }
        hb_ft_font_set_load_flags(font, Face.shapingLoadFlags)

        self.id = id
        self.source = source
        self.pixelSize = pixelSize
        self.library = library
        self.face = face
        self.font = font
        let metrics = face.pointee.size.pointee.metrics
        ascender = Int(metrics.ascender)
        descender = Int(metrics.descender)
        embolden = Int((source.embolden * Double(pixelSize) * 64).rounded())
    }

    deinit {
        // The HarfBuzz font holds a reference on the FreeType face and drops it.
        hb_font_destroy(font)
        FT_Done_Face(face)
    }

    /// Whether the face has a glyph for `scalar`.
    func hasGlyph(for scalar: UInt32) -> Bool {
        FT_Get_Char_Index(face, FT_ULong(scalar)) != 0
    }

    /// Renders `glyph` shifted right by `phase` quarter pixels and hands its
    /// coverage to `body`: rows of bytes, the pitch, and where the bitmap's
    /// top-left corner lies from the pen. `nil` bitmap pointer for empty glyphs.
    func withRenderedGlyph<R>(
        _ glyph: UInt32, phase: Int,
        _ body: (GlyphBitmap) throws -> R
    ) throws -> R {
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
