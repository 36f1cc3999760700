/// Repeats a held key, as a keyboard does: once after `delay`, then every
/// `interval`, until it is let go or another key goes down.
///
/// libinput reports a key going down and up, nothing in between; the
/// repeating is the caller's. The run loop feeds every key event through
/// ``see(_:repeats:)`` and asks for ``due(at:)`` events when ``deadline`` has
/// passed. Times are CLOCK_MONOTONIC microseconds, as libinput's.
public struct KeyRepeat: Sendable {
    public var delay: UInt64 = 500_000
    public var interval: UInt64 = 40_000

    private var held: (code: UInt32, text: String?, next: UInt64)?

    public init() {}

    /// When the next repeat is due, while a repeating key is held.
    public var deadline: UInt64? { held?.next }

    /// Notes a key event from the device. `repeats` says whether the layout
    /// repeats that key (``Keymap/repeats(key:)``); `text` is what it typed.
    public mutating func see(_ event: InputEvent, repeats: Bool, text: String?) {
        guard case .key(let code, let pressed, let time) = event else { return }
        if pressed {
            held = repeats ? (code, text, time + delay) : nil
        } else if held?.code == code {
            held = nil
        }
    }

    /// The repeats due by `now`: the key again, and its text.
    public mutating func due(at now: UInt64) -> [InputEvent] {
        guard var current = held, now >= current.next else { return [] }
        var events: [InputEvent] = []
        // A late wake-up repeats at most a few times, not a burst.
        var count = 0
        while now >= current.next && count < 3 {
            events.append(.key(code: current.code, pressed: true, time: current.next))
            if let text = current.text { events.append(.text(text, time: current.next)) }
            current.next += interval
            count += 1
        }
        if now >= current.next { current.next = now + interval }
        held = current
        return events
    }

    /// Stops repeating (the device went away, the seat was lost).
    public mutating func cancel() {
        held = nil
    }
}
