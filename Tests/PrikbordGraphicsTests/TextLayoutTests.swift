import PrikbordGraphics
import Testing

// One font library is shared, and it belongs to one thread at a time.
@Suite(.serialized) struct TextLayoutTests {
    static let diacritics = [
        "Zażółć gęślą jaźń — łódź",  // Polish
        "Învățătorul a șters tabla: ă î â ș ț",  // Romanian
        "Ağaç, ılık İstanbul, şişe, ğ ı İ ş",  // Turkish
        "Жълт щъркел: Ж Щ ъ ь",  // Bulgarian
        "Їжак, єнот, ґанок: ї є ґ",  // Ukrainian
    ]

    @Test(arguments: diacritics)
    func europeanScriptsDrawWithoutMissingGlyphs(_ text: String) {
        let layout = TextLayout(text, style: TextStyle(size: 20), fonts: Fonts.shared)
        #expect(layout.missingGlyphs == 0)
        #expect(layout.lineCount == 1)
        #expect(layout.width > 100)

        let surface = Surface(width: layout.width + 20, height: layout.height + 20)
        surface.draw(layout, at: Point(x: 10, y: 10), .black)
        #expect(inkedPixels(surface) > 200)
        #expect(surface.pixel(x: 2, y: 2) == .white)
    }

    @Test func undrawableCharacterIsCountedMissing() {
        let layout = TextLayout(
            "Hallo \u{10FFFD} daar", style: TextStyle(size: 16), fonts: Fonts.shared)
        #expect(layout.missingGlyphs == 1)
    }

    @Test func wrappedLinesStayWithinMaxWidth() {
        let text = String(repeating: "Werkoverleg in de kantine van hal twee. ", count: 5)
        let layout = TextLayout(
            text, style: TextStyle(size: 18), fonts: Fonts.shared, maxWidth: 240)
        #expect(layout.lineCount > 3)
        #expect(layout.width <= 240)
        #expect(layout.height == layout.lineCount * TextStyle(size: 18).lineHeightPixels)

        let surface = Surface(width: 400, height: layout.height + 10)
        surface.draw(layout, at: Point(x: 0, y: 0), .black)
        #expect(inkedPixels(surface, in: Rect(x: 241, y: 0, width: 159, height: 10)) == 0)
    }

    @Test func maxLinesEndsTheLastLineWithAnEllipsis() {
        let text = String(repeating: "Veiligheidsinstructie heftruck ", count: 10)
        let full = TextLayout(text, style: TextStyle(size: 16), fonts: Fonts.shared, maxWidth: 200)
        let cut = TextLayout(
            text, style: TextStyle(size: 16), fonts: Fonts.shared, maxWidth: 200, maxLines: 2)
        #expect(full.lineCount > 2)
        #expect(!full.isTruncated)
        #expect(cut.lineCount == 2)
        #expect(cut.isTruncated)
        #expect(cut.width <= 200)
    }

    @Test func explicitNewlinesStartNewLines() {
        let layout = TextLayout(
            "een\ntwee\r\ndrie\n\nvijf", style: TextStyle(size: 16),
            fonts: Fonts.shared)
        #expect(layout.lineCount == 5)
    }

    @Test func emptyTextHasNoLines() {
        let layout = TextLayout("", style: TextStyle(size: 16), fonts: Fonts.shared)
        #expect(layout.lineCount == 0 && layout.width == 0 && layout.height == 0)
    }
}

extension TextLayoutTests {
    @Test func charactersTheFamilyLacksComeFromAFallbackFace() {
        // Devanagari and Georgian are not in Noto Sans itself.
        let layout = TextLayout(
            "Welkom नमस्ते გამარჯობა", style: TextStyle(size: 20), fonts: Fonts.shared)
        #expect(layout.missingGlyphs == 0)

        let surface = Surface(width: layout.width + 10, height: layout.height)
        surface.draw(layout, at: Point(x: 5, y: 0), .black)
        let tail = Rect(
            x: 5 + layout.width / 2, y: 0, width: layout.width / 2, height: layout.height)
        #expect(inkedPixels(surface, in: tail) > 100)
    }

    @Test(arguments: [TextAlignment.leading, .center, .trailing])
    func alignmentPlacesLinesWithinMaxWidth(_ alignment: TextAlignment) {
        let layout = TextLayout(
            "Kantine", style: TextStyle(size: 20), fonts: Fonts.shared, maxWidth: 300,
            alignment: alignment)
        let surface = Surface(width: 300, height: layout.height)
        surface.draw(layout, at: .zero, .black)

        let third = 100
        let inks = (0..<3).map {
            inkedPixels(
                surface, in: Rect(x: $0 * third, y: 0, width: third, height: layout.height))
        }
        switch alignment {
        case .leading: #expect(inks[0] > 0 && inks[2] == 0)
        case .center: #expect(inks[0] == 0 && inks[1] > 0 && inks[2] == 0)
        case .trailing: #expect(inks[0] == 0 && inks[2] > 0)
        }
    }

    @Test func aWordWiderThanTheLineIsBrokenInside() {
        let layout = TextLayout(
            "Arbeidsomstandighedenspreekuur", style: TextStyle(size: 20), fonts: Fonts.shared,
            maxWidth: 120)
        #expect(layout.lineCount > 1)
        #expect(layout.width <= 120)
    }

    @Test func heavierWeightsPutMoreInkDown() {
        let counts = FontWeight.allCases.map { weight in
            let layout = TextLayout(
                "Veiligheid Щ ğ", style: TextStyle(size: 24, weight: weight), fonts: Fonts.shared)
            let surface = Surface(width: layout.width + 10, height: layout.height)
            surface.draw(layout, at: .zero, .black)
            var ink = 0
            for y in 0..<surface.height {
                for x in 0..<surface.width { ink += 255 - Int(surface.pixel(x: x, y: y).g) }
            }
            return ink
        }
        #expect(counts == counts.sorted() && counts[0] < counts[3])
    }
}
