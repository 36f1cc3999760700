import Foundation
import PrikbordGraphics
import Testing

extension TextLayoutTests {
    /// A person card as the directory shows it, written to /tmp/graphics-demo.png
    /// for a person to look at; the test checks what a machine can.
    @Test func demoCardDrawsEveryPart() throws {
        let fonts = Fonts.shared
        let surface = Surface(width: 720, height: 980, color: Color(hex: 0xEEF1F4))
        let face = try Image.decode(TestPictures.jpeg(portraitOfSide: 640))

        let card = Rect(x: 40, y: 40, width: 640, height: 520)
        surface.drawShadow(
            card.offsetBy(dx: 0, dy: 6), radius: 18, blur: 24,
            Color(r: 20, g: 30, b: 40, a: 70))
        surface.fillRoundedRect(card, radius: 18, .white)
        surface.draw(face, in: Rect(x: 64, y: 64, width: 96, height: 96), circular: true)
        surface.strokeRoundedRect(
            Rect(x: 60, y: 60, width: 104, height: 104), radius: 52,
            lineWidth: 3, Color(hex: 0x1E6B52))

        let name = TextLayout(
            "Zofia Kamińska", style: TextStyle(size: 30, weight: .semibold),
            fonts: fonts)
        surface.draw(name, at: Point(x: 188, y: 72), Color(hex: 0x1A1F24))
        let role = TextLayout(
            "Teamleider oogst · Harvest team lead",
            style: TextStyle(size: 19), fonts: fonts)
        surface.draw(role, at: Point(x: 188, y: 72 + name.height), Color(hex: 0x5B6670))

        let heading = TextLayout(
            "Veiligheid in de kas", style: TextStyle(size: 34, weight: .bold),
            fonts: fonts, maxWidth: 592)
        surface.draw(heading, at: Point(x: 64, y: 190), Color(hex: 0x1A1F24))

        let body = TextLayout(
            """
            Zażółć gęślą jaźń — łódź płynie. Învățătorul a șters tabla: ă î â ș ț. \
            Ağaç, ılık İstanbul, şişe. Жълт щъркел: Ж Щ ъ ь. \
            Їжак, єнот, ґанок: ї є ґ.
            Draag altijd veiligheidsschoenen in hal 2 en meld schade bij je teamleider. \
            Always wear safety shoes in hall 2 and report damage to your team lead — \
            this last sentence is long so that the fifth line has to end in an ellipsis.
            """,
            style: TextStyle(size: 20), fonts: fonts, maxWidth: 592, maxLines: 6)
        surface.draw(body, at: Point(x: 64, y: 190 + heading.height + 8), Color(hex: 0x2B333B))
        #expect(body.missingGlyphs == 0)
        #expect(body.isTruncated)

        let button = Rect(x: 64, y: 480, width: 220, height: 56)
        surface.fillRoundedRect(button, radius: 28, Color(hex: 0x1E6B52))
        let label = TextLayout(
            "Aanmelden", style: TextStyle(size: 20, weight: .medium),
            fonts: fonts, maxWidth: button.width, alignment: .center)
        surface.draw(
            label, at: Point(x: button.x, y: button.y + (button.height - label.height) / 2),
            .white)
        let outline = Rect(x: 300, y: 480, width: 220, height: 56)
        surface.strokeRoundedRect(outline, radius: 28, lineWidth: 2, Color(hex: 0x1E6B52))
        let second = TextLayout(
            "Later", style: TextStyle(size: 20, weight: .medium),
            fonts: fonts, maxWidth: outline.width, alignment: .center)
        surface.draw(second, at: Point(x: outline.x, y: outline.y + 16), Color(hex: 0x1E6B52))

        let news = Rect(x: 40, y: 600, width: 640, height: 340)
        surface.drawShadow(
            news.offsetBy(dx: 0, dy: 6), radius: 18, blur: 24,
            Color(r: 20, g: 30, b: 40, a: 70))
        surface.fillRoundedRect(news, radius: 18, .white)
        surface.draw(face, in: Rect(x: 64, y: 624, width: 260, height: 292), cornerRadius: 12)
        let weights: [(String, FontWeight)] = [
            ("Regular Щ ğ ș", .regular), ("Medium Щ ğ ș", .medium),
            ("Semibold Щ ğ ș", .semibold), ("Bold Щ ğ ș", .bold),
        ]
        for (index, (text, weight)) in weights.enumerated() {
            let line = TextLayout(text, style: TextStyle(size: 26, weight: weight), fonts: fonts)
            surface.draw(line, at: Point(x: 348, y: 636 + index * 46), Color(hex: 0x1A1F24))
        }
        let small = TextLayout(
            "Kleine tekst 13 px: Ąą Ćć Ęę Łł Ńń Óó Śś Źź Żż ĂăȘșȚț",
            style: TextStyle(size: 13), fonts: fonts, maxWidth: 300)
        surface.draw(small, at: Point(x: 348, y: 830), Color(hex: 0x5B6670))

        try surface.writePNG(to: "/tmp/graphics-demo.png")
        #expect(surface.pixel(x: 112, y: 112) != .white)  // the photo
        #expect(surface.pixel(x: 40, y: 40) != .white)  // the card's cut corner
        #expect(inkedPixels(surface, in: Rect(x: 64, y: 190, width: 592, height: 40)) > 500)
    }

    @Test func cachedParagraphLaysOutAndDrawsQuickly() {
        let text = String(
            repeating: "Zażółć gęślą jaźń, Învățătorul ș ț, ılık İstanbul, Жълт щъркел. ",
            count: 3)
        let style = TextStyle(size: 20)
        let surface = Surface(width: 600, height: 400)
        surface.draw(
            TextLayout(text, style: style, fonts: Fonts.shared, maxWidth: 560),
            at: .zero, .black)

        let rounds = 50
        let start = ContinuousClock.now
        for _ in 0..<rounds {
            let layout = TextLayout(text, style: style, fonts: Fonts.shared, maxWidth: 560)
            surface.draw(layout, at: Point(x: 20, y: 20), .black)
        }
        let each = (ContinuousClock.now - start) / rounds
        print("200-character paragraph, layout and draw: \(each)")
        // Generous: debug builds are several times slower than release.
        #expect(each < .milliseconds(20))
    }
}
