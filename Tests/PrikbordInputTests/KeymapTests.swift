import Testing

@testable import PrikbordInput

/// evdev key codes from linux/input-event-codes.h.
enum Key {
    static let one: UInt32 = 2
    static let a: UInt32 = 30
    static let s: UInt32 = 31
    static let enter: UInt32 = 28
    static let leftShift: UInt32 = 42
}

@Suite struct KeymapTests {
    func type(_ keys: [(UInt32, Bool)], layout: String) throws -> String {
        let keymap = try Keymap(layout: layout)
        return keys.compactMap { keymap.text(forKey: $0.0, pressed: $0.1) }.joined()
    }

    @Test func lettersAndShift() throws {
        let typed = try type(
            [
                (Key.a, true), (Key.a, false),
                (Key.leftShift, true), (Key.s, true), (Key.s, false), (Key.leftShift, false),
                (Key.a, true), (Key.a, false),
            ], layout: "us")

        #expect(typed == "aSa")
    }

    @Test func badgeReaderDigitsTypeTextAndEnterStaysAKey() throws {
        let typed = try type(
            [
                (Key.one, true), (Key.one, false), (Key.enter, true), (Key.enter, false),
            ], layout: "us")

        #expect(typed == "1")
    }

    @Test func cyrillicLayoutTypesCyrillic() throws {
        let typed = try type([(Key.a, true), (Key.a, false)], layout: "ru")

        #expect(typed == "ф")
    }

    @Test func unknownLayoutIsAnError() {
        #expect(throws: InputError.self) {
            _ = try Keymap(layout: "no-such-layout")
        }
    }
}
