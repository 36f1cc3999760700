/// A piece of text shaped, broken into lines and placed, ready to draw as often
/// as needed.
///
/// Each grapheme cluster is drawn with the family's face or, when that lacks a
/// character, the first fallback face fontconfig offers that has it. Lines
/// break at spaces and after hyphens (inside a word only when the word alone is
/// wider than `maxWidth`); `\n` starts a new paragraph. When `maxLines` cuts
/// the text, the last line kept ends in "…".
///
/// With a `maxWidth`, centred and trailing lines are placed within it;
/// without one, within the widest line.
public final class TextLayout {
    /// Width of the widest line, in pixels.
    public let width: Int
    /// `lineCount` times the style's line pitch.
    public let height: Int
    public let lineCount: Int
    /// Grapheme clusters that no installed face could draw (shown as the
    /// family's "missing glyph" box).
    public private(set) var missingGlyphs: Int
    /// Whether `maxLines` cut the text short.
    public let isTruncated: Bool

    public let style: TextStyle
    let fonts: FontLibrary
    let faces: [Face]
    let glyphs: [PlacedGlyph]

    public init(
        _ text: String, style: TextStyle, fonts: FontLibrary, maxWidth: Int? = nil,
        maxLines: Int? = nil, alignment: TextAlignment = .leading
    ) {
        var builder = LineBuilder(
            style: style, fonts: fonts, maxWidth: maxWidth, maxLines: maxLines)
        builder.build(text)
        let placed = builder.place(alignment: alignment, maxWidth: maxWidth)

        self.style = style
        self.fonts = fonts
        faces = builder.faces
        glyphs = placed
        lineCount = builder.lines.count
        width = builder.widestLine
        height = lineCount * style.lineHeightPixels
        missingGlyphs = builder.missing
        isTruncated = builder.truncated
    }
}

extension Surface {
    /// Draws `text` with the top-left corner of its block at `origin`.
    public func draw(_ text: TextLayout, at origin: Point, _ color: Color) {
        guard color.a > 0, !text.glyphs.isEmpty else { return }
        let block = Rect(x: origin.x, y: origin.y, width: text.width, height: text.height)
        // Glyphs may overhang their block a little (accents, italics); a margin
        // of one line keeps the quick rejection safe.
        let pitch = text.style.lineHeightPixels
        guard !block.insetBy(dx: -pitch, dy: -pitch).intersection(drawable).isEmpty else { return }
        text.fonts.glyphCache.draw(
            text.glyphs, faces: text.faces, at: origin, source: solid(color), into: image)
    }
}
