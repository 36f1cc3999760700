import PrikbordGraphics
import PrikbordUI
import Testing

@MainActor
struct OnScreenKeyboardTests {
    let keyboard: OnScreenKeyboard

    init() throws {
        let theme = Theme(screenWidth: 1080, screenHeight: 1920)
        let height = OnScreenKeyboard.height(theme: theme, width: 1080)
        keyboard = OnScreenKeyboard(
            theme: theme, fonts: try FontLibrary(),
            frame: Rect(x: 0, y: 1920 - height, width: 1080, height: height)
        )
    }

    func center(of wanted: KeyboardLayout.Key) throws -> Point {
        let frame = try #require(keyboard.keys().first { $0.key == wanted }?.frame)
        return Point(x: frame.minX + frame.width / 2, y: frame.minY + frame.height / 2)
    }

    @Test func keysAreLargeEnoughForAFinger() {
        // 15 mm on a 24-inch 1080p panel is about 55 px.
        for (_, frame) in keyboard.keys() {
            #expect(frame.width >= 60 && frame.height >= 90)
        }
    }

    @Test func tappingLettersTypesThem() throws {
        #expect(keyboard.tap(at: try center(of: .character("z"))) == .insert("z"))
        #expect(keyboard.tap(at: try center(of: .space)) == .insert(" "))
        #expect(keyboard.tap(at: try center(of: .backspace)) == .backspace)
    }

    @Test func shiftHoldsForOneLetter() throws {
        #expect(keyboard.tap(at: try center(of: .shift)) == .redraw)
        #expect(keyboard.tap(at: try center(of: .character("a"))) == .insert("A"))
        #expect(keyboard.tap(at: try center(of: .character("a"))) == .insert("a"))
    }

    @Test func longPressOffersAccentedLetters() throws {
        let l = try center(of: .character("l"))
        #expect(keyboard.longPress(at: l))
        let strip = try #require(keyboard.accentChoices)
        #expect(strip.choices == ["ł"])
        // The strip sits above the key; tapping its first choice types it.
        let choice = Point(
            x: strip.key.minX + strip.key.width / 2, y: strip.key.minY - strip.key.height / 2 - 10)
        #expect(keyboard.tap(at: choice) == .insert("ł"))
        #expect(keyboard.accentChoices == nil)
    }

    @Test func closedStripIsStillKnownAsPaintedUntilTheNextDraw() throws {
        let surface = Surface(width: 1080, height: 1920, color: .white)
        // A letter of the top row: its strip opens above the keyboard.
        #expect(keyboard.longPress(at: try center(of: .character("e"))))
        keyboard.draw(on: surface)
        let withStrip = try #require(keyboard.paintedArea)
        #expect(withStrip.minY < keyboard.frame.minY, "the strip reaches above the keys")

        // A tap on another key closes the strip; the list must still be
        // painted where it was, so the area last painted keeps it.
        _ = keyboard.tap(at: try center(of: .character("z")))
        #expect(keyboard.accentChoices == nil)
        #expect(keyboard.drawnArea == keyboard.frame)
        #expect(keyboard.paintedArea == withStrip)
        keyboard.draw(on: surface)
        #expect(keyboard.paintedArea == keyboard.frame)
    }

    @Test func letterWithoutAccentsOpensNoStrip() throws {
        #expect(!keyboard.longPress(at: try center(of: .character("q"))))
    }

    @Test func switchingLayoutsGivesCyrillicAndBack() throws {
        #expect(keyboard.tap(at: try center(of: .switchLayout)) == .redraw)
        #expect(keyboard.layout == .cyrillic)
        #expect(keyboard.tap(at: try center(of: .character("ж"))) == .insert("ж"))
        #expect(keyboard.tap(at: try center(of: .switchLayout)) == .redraw)
        #expect(keyboard.layout == .latin)
    }

    @Test func drawsEveryKeyLabelWithARealGlyph() throws {
        let fonts = try FontLibrary()
        for layout in [KeyboardLayout.latin, .cyrillic] {
            for row in layout.rows {
                for case .character(let text) in row {
                    #expect(
                        TextLayout(text, style: TextStyle(size: 40), fonts: fonts).missingGlyphs
                            == 0)
                }
            }
            for accents in layout.accents.values {
                for accent in accents {
                    #expect(
                        TextLayout(accent, style: TextStyle(size: 40), fonts: fonts).missingGlyphs
                            == 0)
                }
            }
        }
    }
}
