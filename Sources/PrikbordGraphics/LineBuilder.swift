/// Shapes paragraphs and breaks them into lines for `TextLayout`.
struct LineBuilder {
    /// One grapheme cluster of a paragraph, with its shaped glyphs.
    private struct Cluster {
        var bytes: Range<Int>
        var face: Int32
        var glyphs: Range<Int> = 0..<0
        var advance: Int = 0
        var isSpace: Bool
        var breakAfter: Bool
    }

    /// A finished line: a range of `lineGlyphs` and its width without trailing
    /// spaces, in 26.6 pixels.
    struct Line {
        var glyphs: Range<Int>
        var width: Int
    }

    private struct LineGlyph {
        var face: Int32
        var glyph: ShapedGlyph
    }

    let style: TextStyle
    let fonts: FontLibrary
    let limit: Int?
    let maxLines: Int

    private(set) var faces: [Face] = []
    private(set) var lines: [Line] = []
    private(set) var missing = 0
    private(set) var truncated = false
    private var primary: Face?
    private var lineGlyphs: [LineGlyph] = []
    private var shaped: [ShapedGlyph] = []
    private var shapedFaces: [Int32] = []
    private var clusters: [Cluster] = []

    init(style: TextStyle, fonts: FontLibrary, maxWidth: Int?, maxLines: Int?) {
        self.style = style
        self.fonts = fonts
        limit = maxWidth.map { max($0, 1) * 64 }
        self.maxLines = max(maxLines ?? Int.max, 1)
    }

    var widestLine: Int {
        ((lines.map(\.width).max() ?? 0) + 63) / 64
    }

    mutating func build(_ text: String) {
        guard !text.isEmpty else { return }
        primary = try? fonts.primaryFace(style)
        guard let main = primary else {
            missing = text.count
            return
        }
        faces = [main]

        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, paragraph) in paragraphs.enumerated() {
            let more = paragraphs[(index + 1)...].contains { !$0.isEmpty }
            if !lay(paragraph, main: main, moreFollows: more) { break }
        }
    }

    /// Lays one paragraph; `false` once `maxLines` is reached.
    private mutating func lay(_ paragraph: Substring, main: Face, moreFollows: Bool) -> Bool {
        var utf8 = Array(paragraph.utf8)
        if utf8.isEmpty {
            if lines.count == maxLines - 1 && moreFollows {
                clusters.removeAll(keepingCapacity: true)
                emitEllipsized(0..<0, main: main)
                truncated = true
                return false
            }
            lines.append(Line(glyphs: lineGlyphs.count..<lineGlyphs.count, width: 0))
            return lines.count < maxLines
        }
        itemize(paragraph, main: main)
        utf8.withUnsafeMutableBufferPointer { bytes in
            shapeRuns(UnsafeBufferPointer(bytes))
        }
        let ranges = breakLines()
        for (index, range) in ranges.enumerated() {
            let last = lines.count == maxLines - 1
            let cut = index < ranges.count - 1 || moreFollows
            if last && cut {
                emitEllipsized(range, main: main)
                truncated = true
                return false
            }
            emit(range)
        }
        return lines.count < maxLines
    }

    /// Splits the paragraph into clusters and picks each one's face.
    private mutating func itemize(_ paragraph: Substring, main: Face) {
        clusters.removeAll(keepingCapacity: true)
        var offset = 0
        for character in paragraph {
            let count = character.utf8.count
            var face = fonts.face(for: character, style: style, primary: main)
            if face == nil {
                missing += 1
                face = main
            }
            let isSpace = character.isWhitespace && !LineBuilder.noBreakSpaces.contains(character)
            if isSpace, let last = clusters.indices.last, clusters[last].isSpace {
                clusters[last].breakAfter = false
            }
            clusters.append(
                Cluster(
                    bytes: offset..<offset + count, face: index(of: face!), isSpace: isSpace,
                    breakAfter: isSpace || LineBuilder.breaksAfter.contains(character)))
            offset += count
        }
    }

    /// Shapes each run of clusters sharing a face and hands the glyphs out to
    /// their clusters.
    private mutating func shapeRuns(_ utf8: UnsafeBufferPointer<UInt8>) {
        shaped.removeAll(keepingCapacity: true)
        shapedFaces.removeAll(keepingCapacity: true)
        var start = 0
        while start < clusters.count {
            var end = start + 1
            while end < clusters.count && clusters[end].face == clusters[start].face { end += 1 }
            let face = clusters[start].face
            let bytes = clusters[start].bytes.lowerBound..<clusters[end - 1].bytes.upperBound
            let before = shaped.count
            fonts.shaper.shape(utf8, range: bytes, face: faces[Int(face)], into: &shaped)
            shapedFaces.append(contentsOf: repeatElement(face, count: shaped.count - before))
            assign(glyphs: before..<shaped.count, to: start..<end)
            start = end
        }
    }

    /// Gives each glyph to the cluster its HarfBuzz cluster value starts in.
    private mutating func assign(glyphs: Range<Int>, to range: Range<Int>) {
        var cluster = range.lowerBound
        for g in glyphs {
            let byte = Int(shaped[g].cluster)
            while cluster + 1 < range.upperBound && clusters[cluster + 1].bytes.lowerBound <= byte {
                cluster += 1
            }
            if clusters[cluster].glyphs.isEmpty {
                clusters[cluster].glyphs = g..<g + 1
            } else {
                clusters[cluster].glyphs = clusters[cluster].glyphs.lowerBound..<g + 1
            }
            clusters[cluster].advance += Int(shaped[g].advance)
        }
    }

    /// Greedy breaking: as many clusters as fit, broken at the last opportunity.
    private func breakLines() -> [Range<Int>] {
        guard let limit else { return [0..<clusters.count] }
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var width = 0
        var lastBreak: Int?
        var i = 0
        while i < clusters.count {
            let cluster = clusters[i]
            if !cluster.isSpace, i > lineStart, width + cluster.advance > limit {
                let end = lastBreak ?? i
                ranges.append(lineStart..<end)
                lineStart = end
                width = clusters[end..<i].reduce(0) { $0 + $1.advance }
                lastBreak = nil
                continue
            }
            width += cluster.advance
            if cluster.breakAfter && i + 1 > lineStart { lastBreak = i + 1 }
            i += 1
        }
        ranges.append(lineStart..<clusters.count)
        return ranges
    }

    /// Width of clusters without the spaces at the end.
    private func visibleWidth(_ range: Range<Int>) -> (width: Int, end: Int) {
        var end = range.upperBound
        while end > range.lowerBound && clusters[end - 1].isSpace { end -= 1 }
        let width = clusters[range.lowerBound..<end].reduce(0) { $0 + $1.advance }
        return (width, end)
    }

    private mutating func emit(_ range: Range<Int>) {
        let (width, end) = visibleWidth(range)
        let first = lineGlyphs.count
        appendGlyphs(of: range.lowerBound..<end)
        lines.append(Line(glyphs: first..<lineGlyphs.count, width: width))
    }

    /// The last line kept: as many clusters as leave room for "…", then "…".
    private mutating func emitEllipsized(_ range: Range<Int>, main: Face) {
        var ellipsis: [ShapedGlyph] = []
        var dots = Array("…".utf8)
        dots.withUnsafeMutableBufferPointer { bytes in
            fonts.shaper.shape(
                UnsafeBufferPointer(bytes), range: 0..<bytes.count, face: main, into: &ellipsis)
        }
        let dotsWidth = ellipsis.reduce(0) { $0 + Int($1.advance) }
        let room = (limit ?? Int.max / 2) - dotsWidth

        var end = range.lowerBound
        var width = 0
        while end < range.upperBound && width + clusters[end].advance <= room {
            width += clusters[end].advance
            end += 1
        }
        // Cut after a whole word when that keeps most of the line: "report…"
        // reads better than "repo…".
        if end < range.upperBound && end > range.lowerBound && !clusters[end].isSpace {
            var word = end
            while word > range.lowerBound && !clusters[word - 1].breakAfter { word -= 1 }
            let kept = clusters[range.lowerBound..<word].reduce(0) { $0 + $1.advance }
            if word > range.lowerBound && kept * 10 >= room * 6 { end = word }
        }
        let (visible, trimmed) = visibleWidth(range.lowerBound..<end)
        let first = lineGlyphs.count
        appendGlyphs(of: range.lowerBound..<trimmed)
        for glyph in ellipsis { lineGlyphs.append(LineGlyph(face: 0, glyph: glyph)) }
        lines.append(Line(glyphs: first..<lineGlyphs.count, width: visible + dotsWidth))
    }

    private mutating func appendGlyphs(of range: Range<Int>) {
        for cluster in clusters[range] {
            for g in cluster.glyphs {
                lineGlyphs.append(LineGlyph(face: shapedFaces[g], glyph: shaped[g]))
            }
        }
    }

    /// Pen positions for every glyph, lines stacked at the style's pitch.
    func place(alignment: TextAlignment, maxWidth: Int?) -> [PlacedGlyph] {
        guard let main = primary else { return [] }
        let pitch = style.lineHeightPixels
        let ink = main.ascender - main.descender
        let baseline = ((pitch * 64 - ink) / 2 + main.ascender + 32) >> 6
        let box = maxWidth.map { $0 * 64 } ?? (lines.map(\.width).max() ?? 0)

        var placed: [PlacedGlyph] = []
        placed.reserveCapacity(lineGlyphs.count)
        for (index, line) in lines.enumerated() {
            var pen: Int
            switch alignment {
            case .leading: pen = 0
            case .center: pen = max(0, box - line.width) / 2
            case .trailing: pen = max(0, box - line.width)
            }
            let y = index * pitch + baseline
            for item in lineGlyphs[line.glyphs] {
                let glyph = item.glyph
                placed.append(
                    PlacedGlyph(
                        face: item.face, glyph: glyph.glyph, x: Int32(pen) + glyph.offsetX,
                        y: Int32(y) - (glyph.offsetY + 32) >> 6))
                pen += Int(glyph.advance)
            }
        }
        return placed
    }

    private mutating func index(of face: Face) -> Int32 {
        if let known = faces.firstIndex(where: { $0 === face }) { return Int32(known) }
        faces.append(face)
        return Int32(faces.count - 1)
    }

    private static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]
    private static let breaksAfter: Set<Character> = ["-", "\u{2010}", "\u{2013}", "/"]
}
