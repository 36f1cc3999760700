import CFreeType

/// Owns the FreeType library handle; font files keep it alive until they are
/// gone.
final class FreeTypeLibrary {
    let handle: FT_Library

    init() throws {
        var library: FT_Library?
        let code = FT_Init_FreeType(&library)
        guard code == 0, let library else {
            throw FontError(freeType: "FT_Init_FreeType", code: code)
        }
        handle = library
    }

    deinit {
        FT_Done_FreeType(handle)
    }
}
