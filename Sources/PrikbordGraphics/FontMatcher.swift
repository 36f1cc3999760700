import CFontconfig

/// Where a face lives: a file and the face (or named instance) inside it.
struct FaceSource: Hashable {
    let path: String
    let index: Int
    /// Extra weight FreeType paints on when the family lacks the weight, as a
    /// fraction of the em.
    let embolden: Double
}

/// One fontconfig configuration, freed in `deinit`: finds the face for a family
/// and weight, and the faces that can stand in for characters it lacks.
final class FontMatcher {
    private let config: OpaquePointer
    private var sorted: [FontWeight: FontSetOwner] = [:]
    private var fallbacks: [FallbackKey: FaceSource?] = [:]

    private struct FallbackKey: Hashable {
        let weight: FontWeight
        let scalar: UInt32
    }

    init() throws {
        guard let config = FcInitLoadConfigAndFonts()
        else { throw FontError("fontconfig init", "no configuration could be loaded") }
        self.config = config
    }

    deinit {
        FcConfigDestroy(config)
    }

    /// The best face for `family` at `weight`, with the weight fontconfig found.
    func match(family: String, weight: FontWeight) throws -> (FaceSource, String, Int) {
        let pattern = makePattern(family: family, weight: weight)
        defer { FcPatternDestroy(pattern) }

        var result = FcResultNoMatch
        guard let found = FcFontMatch(config, pattern, &result) else {
            throw FontError("fontconfig match", "nothing matched", subject: family)
        }
        defer { FcPatternDestroy(found) }
        guard let path = string(found, FC_FILE) else {
            throw FontError("fontconfig match", "match without a file", subject: family)
        }
        let foundFamily = string(found, FC_FAMILY) ?? "?"
        let foundWeight = integer(found, FC_WEIGHT) ?? Int(weight.fontconfigWeight)
        let source = FaceSource(
            path: path, index: integer(found, FC_INDEX) ?? 0,
            embolden: weight.syntheticEmbolden(fromFontconfigWeight: foundWeight))
        return (source, foundFamily, foundWeight)
    }

    /// The first face in fontconfig's order for `family` that has `scalar`;
    /// `nil` when no installed face has it. Answers are remembered.
    func fallback(family: String, weight: FontWeight, for scalar: UInt32) -> FaceSource? {
        let key = FallbackKey(weight: weight, scalar: scalar)
        if let known = fallbacks[key] { return known }
        let found = searchFallback(family: family, weight: weight, scalar: scalar)
        fallbacks[key] = found
        return found
    }

    private func searchFallback(family: String, weight: FontWeight, scalar: UInt32) -> FaceSource? {
        let set = sortedSet(family: family, weight: weight)
        guard let fonts = set.handle.pointee.fonts else { return nil }
        for i in 0..<Int(set.handle.pointee.nfont) {
            guard let candidate = fonts[i] else { continue }
            // TODO: colour (bitmap) emoji faces need a BGRA glyph path; emoji are missing.
            var color: FcBool = 0
            if FcPatternGetBool(candidate, FC_COLOR, 0, &color) == FcResultMatch, color != 0 {
                continue
            }
            var charset: OpaquePointer?
            guard FcPatternGetCharSet(candidate, FC_CHARSET, 0, &charset) == FcResultMatch,
                FcCharSetHasChar(charset, scalar) != 0,
                let path = string(candidate, FC_FILE)
            else { continue }
            return FaceSource(path: path, index: integer(candidate, FC_INDEX) ?? 0, embolden: 0)
        }
        return nil
    }

    private func sortedSet(family: String, weight: FontWeight) -> FontSetOwner {
        if let set = sorted[weight] { return set }
        let pattern = makePattern(family: family, weight: weight)
        defer { FcPatternDestroy(pattern) }
        var result = FcResultNoMatch
        let set = FontSetOwner(FcFontSort(config, pattern, 1, nil, &result))
        sorted[weight] = set
        return set
    }

    private func makePattern(family: String, weight: FontWeight) -> OpaquePointer {
        let pattern = FcPatternCreate()!
        _ = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                FcPatternAddString(pattern, FC_FAMILY, $0)
            }
        }
        FcPatternAddInteger(pattern, FC_WEIGHT, weight.fontconfigWeight)
        FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN)
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        return pattern
    }

    private func string(_ pattern: OpaquePointer, _ object: String) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value
        else { return nil }
        return String(cString: value)
    }

    private func integer(_ pattern: OpaquePointer, _ object: String) -> Int? {
        var value: Int32 = 0
        guard FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch else { return nil }
        return Int(value)
    }
}

/// Owns an `FcFontSet` (an empty one stands in when fontconfig returned none).
private final class FontSetOwner {
    let handle: UnsafeMutablePointer<FcFontSet>

    init(_ set: UnsafeMutablePointer<FcFontSet>?) {
        handle = set ?? FcFontSetCreate()
    }

    deinit {
        FcFontSetDestroy(handle)
    }
}

extension FontWeight {
    var fontconfigWeight: Int32 {
        switch self {
        case .regular: 80  // FC_WEIGHT_REGULAR
        case .medium: 100  // FC_WEIGHT_MEDIUM
        case .semibold: 180  // FC_WEIGHT_DEMIBOLD
        case .bold: 200  // FC_WEIGHT_BOLD
        }
    }

    /// The CSS number of the weight, on which steps look evenly spaced.
    private static func css(_ fontconfig: Int) -> Double {
        switch fontconfig {
        case ..<90: 400
        case ..<140: 500
        case ..<190: 600
        default: 700
        }
    }

    /// How much to embolden a face fontconfig reports at `found` to look like
    /// this weight: FreeType's own synthetic bold (an em / 24) for the step from
    /// 400 to 700, in proportion for smaller steps.
    func syntheticEmbolden(fromFontconfigWeight found: Int) -> Double {
        let missing = Self.css(Int(fontconfigWeight)) - Self.css(found)
        guard missing > 0 else { return 0 }
        return missing / 300 / 24
    }
}
