import CFreeType
import CHarfBuzz

/// One face of one font file, opened once for every size drawn with it.
///
/// The file is mapped once; FreeType's face and HarfBuzz's face both read
/// that mapping where it lies, so its tables are neither mapped again nor
/// copied per size. Sizes (`Face`) hold the file, so they are gone before it
/// frees its faces and the mapping.
final class FontFile {
    /// A file and the face (or named instance) inside it.
    struct Key: Hashable {
        let path: String
        let index: Int
    }

    /// Glyphs load at whichever of the face's sizes was activated last.
    let face: FT_Face

    /// `nil` when HarfBuzz cannot read the file itself (Type 1, bitmap formats):
    /// such files are shaped through FreeType instead.
    private let openTypeFace: OpaquePointer?
    private let bytes: MappedFile
    private let library: FreeTypeLibrary

    // Unhinted advances, as HarfBuzz's own functions give.
    private static let shapingLoadFlags = Int32(FT_LOAD_NO_HINTING)

    init(_ key: Key, library: FreeTypeLibrary) throws {
        let bytes = try MappedFile(path: key.path)
        let face = try bytes.withUnsafeBytes { data in
            try FontFile.makeFreeTypeFace(data, index: key.index, library: library, path: key.path)
        }
        let openTypeFace = bytes.withUnsafeBytes { data in
            FontFile.makeOpenTypeFace(data, index: key.index)
        }

        self.face = face
        self.openTypeFace = openTypeFace
        self.bytes = bytes
        self.library = library
    }

    deinit {
        // Both faces read the mapping, which goes after them with `bytes`.
        if let openTypeFace { hb_face_destroy(openTypeFace) }
        FT_Done_Face(face)
    }

    /// Whether the face has a glyph for `scalar`.
    func hasGlyph(for scalar: UInt32) -> Bool {
        FT_Get_Char_Index(face, FT_ULong(scalar)) != 0
    }

    /// A new HarfBuzz font at `pixelSize`, which the caller destroys. Files
    /// HarfBuzz cannot read get a font that asks FreeType for glyphs and
    /// advances at the active size: activate the size of `pixelSize` first,
    /// here and before every shaping.
    func makeShapingFont(pixelSize: Int) -> OpaquePointer? {
        guard let openTypeFace else {
            let font = hb_ft_font_create_referenced(face)
            if let font { hb_ft_font_set_load_flags(font, FontFile.shapingLoadFlags) }
            return font
        }
        let font = hb_font_create(openTypeFace)
        // HarfBuzz's own OpenType functions, scaled to 26.6 pixels. No ppem is
        // set, as hb-ft sets none: shaping stays unhinted, without the hinting
        // deltas of GPOS device tables.
        let scale = Int32(pixelSize * 64)
        hb_font_set_scale(font, scale, scale)
        return font
    }

    private static func makeFreeTypeFace(
        _ data: UnsafeRawBufferPointer, index: Int, library: FreeTypeLibrary, path: String
    ) throws -> FT_Face {
        let base = data.baseAddress?.assumingMemoryBound(to: FT_Byte.self)
        var face: FT_Face?
        let code = FT_New_Memory_Face(
            library.handle, base, FT_Long(data.count), FT_Long(index), &face)
        guard code == 0, let face else {
            throw FontError(freeType: "FT_New_Memory_Face", code: code, subject: path)
        }
        return face
    }

    /// HarfBuzz's face over the mapping, read-only and not copied; `nil` when
    /// HarfBuzz finds no glyphs in it.
    private static func makeOpenTypeFace(
        _ data: UnsafeRawBufferPointer, index: Int
    ) -> OpaquePointer? {
        guard data.count <= Int(UInt32.max),
            let blob = hb_blob_create_or_fail(
                data.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(data.count),
                HB_MEMORY_MODE_READONLY, nil, nil)
        else { return nil }
        // The face holds its own reference on the blob.
        defer { hb_blob_destroy(blob) }

        // The high 16 bits of fontconfig's index name a variable font's
        // instance; hb_font_create applies them, as FreeType does.
        guard let face = hb_face_create(blob, UInt32(truncatingIfNeeded: index)) else {
            return nil
        }
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            return nil
        }
        return face
    }
}
