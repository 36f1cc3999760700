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

/// A held key repeats after a delay and then steadily, until let go.
@Test func heldKeyRepeatsUntilReleased() throws {
    let keymap = try Keymap(layout: "us")
    let backspace: UInt32 = 14
    let shift: UInt32 = 42
    #expect(keymap.repeats(key: backspace))
    #expect(!keymap.repeats(key: shift))

    var keys = KeyRepeat()
    keys.see(.key(code: backspace, pressed: true, time: 1_000_000), repeats: true, text: nil)
    #expect(keys.due(at: 1_400_000).isEmpty)
    #expect(keys.deadline == 1_500_000)
    let first = keys.due(at: 1_500_000)
    #expect(first.count == 1)
    // A late wake-up catches up by a few repeats, not a burst of them.
    #expect(keys.due(at: 3_000_000).count == 3)
    #expect(keys.deadline == 3_040_000)

    keys.see(.key(code: backspace, pressed: false, time: 3_010_000), repeats: true, text: nil)
    #expect(keys.deadline == nil)
    #expect(keys.due(at: 9_000_000).isEmpty)

    // A letter repeats with its text; Shift going down does not start a repeat.
    keys.see(.key(code: 30, pressed: true, time: 0), repeats: true, text: "a")
    #expect(
        keys.due(at: 500_000) == [
            .key(code: 30, pressed: true, time: 500_000), .text("a", time: 500_000),
        ])
    keys.see(.key(code: shift, pressed: true, time: 600_000), repeats: false, text: nil)
    #expect(keys.deadline == nil)
}
