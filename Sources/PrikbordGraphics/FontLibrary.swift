import CHarfBuzz
import PrikbordLog

/// The fonts text is drawn with: fontconfig picks the family's faces and the
/// fallbacks for characters they lack, each font file is opened once for all
/// its sizes, FreeType renders and HarfBuzz shapes, and rendered glyphs are
/// kept in one cache.
///
/// Not thread-safe: the UI thread owns it.
public final class FontLibrary {
    /// The family asked for.
    public let family: String

    let glyphCache = GlyphCache()
    let shaper = Shaper()

    private let matcher: FontMatcher
    private let freeType: FreeTypeLibrary
    private var primary: [FontWeight: FaceSource] = [:]
    private var files: [FontFile.Key: FontFile] = [:]
    private var faces: [FaceKey: Face] = [:]
    private var broken: Set<FaceSource> = []

    private struct FaceKey: Hashable {
        let source: FaceSource
        let pixelSize: Int
    }

    /// Finds the family's faces for every weight and logs the files chosen.
    /// Throws when fontconfig or FreeType cannot give a usable face.
    public init(family: String = "Noto Sans") throws {
        self.family = family
        matcher = try FontMatcher()
        freeType = try FreeTypeLibrary()

        for weight in FontWeight.allCases {
            let (source, foundFamily, foundWeight) = try matcher.match(
                family: family, weight: weight)
            primary[weight] = source
            if foundFamily != family {
                Log.warning(
                    "font family not installed, using a substitute",
                    ["font.family": family, "font.substitute": foundFamily])
            }
            Log.info(
                "font chosen",
                [
                    "font.weight": "\(weight)", "font.file": source.path,
                    "font.index": "\(source.index)", "font.fcweight": "\(foundWeight)",
                    "font.embolden": source.embolden > 0 ? "synthetic" : "none",
                ])
        }
        _ = try face(source: primary[.regular]!, pixelSize: 16)
    }

    /// The family's own face for `style`.
    func primaryFace(_ style: TextStyle) throws -> Face {
        try face(source: primary[style.weight]!, pixelSize: style.size)
    }

    /// The face to draw a grapheme cluster with: the family's own when it has
    /// every character, else the first fallback that has them all. `nil` when no
    /// installed face can draw it.
    func face(for cluster: Character, style: TextStyle, primary main: Face) -> Face? {
        let scalars = cluster.unicodeScalars
        guard let lacking = scalars.first(where: { !main.covers($0) }) else { return main }
        guard
            let source = matcher.fallback(
                family: family, weight: style.weight, for: lacking.value),
            let fallback = try? face(source: source, pixelSize: style.size),
            scalars.allSatisfy(fallback.covers)
        else { return nil }
        return fallback
    }

    private func face(source: FaceSource, pixelSize: Int) throws -> Face {
        let key = FaceKey(source: source, pixelSize: pixelSize)
        if let known = faces[key] { return known }
        if broken.contains(source) {
            throw FontError("font face", "failed before", subject: source.path)
        }
        do {
            let face = try Face(
                id: faces.count, source: source, pixelSize: pixelSize, file: file(of: source))
            faces[key] = face
            return face
        } catch {
            broken.insert(source)
            Log.warning("font face unusable", ["font.file": source.path, "error": "\(error)"])
            throw error
        }
    }

    private func file(of source: FaceSource) throws -> FontFile {
        let key = FontFile.Key(path: source.path, index: source.index)
        if let open = files[key] { return open }
        let file = try FontFile(key, library: freeType)
        files[key] = file
        return file
    }
}

extension Face {
    /// Whether the face can draw `scalar`; characters that draw nothing (spaces,
    /// joiners, selectors, controls) never need another face.
    func covers(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace
            || properties.generalCategory == .control
        {
            return true
        }
        return hasGlyph(for: scalar.value)
    }
}
