/// One thing that happened on an input device, in logical screen coordinates.
///
/// Touch coordinates are logical pixels of the rotated picture the UI draws
/// (see `InputGeometry`); times are microseconds of `CLOCK_MONOTONIC`, the
/// clock libinput stamps events with and `MonotonicClock.now()` reads.
///
/// Touch events come in frames: the downs, motions and ups of one device
/// sample, then a `touchFrame`. A mouse acts as one finger on
/// `InputEvent.pointerSlot`.
public enum InputEvent: Sendable, Equatable {
    case touchDown(slot: Int32, x: Double, y: Double, time: UInt64)
    case touchMotion(slot: Int32, x: Double, y: Double, time: UInt64)
    case touchUp(slot: Int32, time: UInt64)
    /// The touch ended without a decision by the user: the kernel or libinput
    /// cancelled it (a palm), or its device went away. No tap follows.
    case touchCancel(slot: Int32, time: UInt64)
    case touchFrame(time: UInt64)
    /// A key went down or up; `code` is the evdev key code (`KEY_A` is 30).
    case key(code: UInt32, pressed: Bool, time: UInt64)
    /// Characters typed on a hardware keyboard or by a badge reader that
    /// types its id, after the keyboard layout.
    case text(String, time: UInt64)
    case deviceAdded(String)
    case deviceRemoved(String)

    /// The slot a mouse's left button presses on, clear of real touch slots.
    public static let pointerSlot: Int32 = 99

    /// When the event happened, or nil for device changes (they carry no time).
    public var time: UInt64? {
        switch self {
        case .touchDown(_, _, _, let time), .touchMotion(_, _, _, let time),
            .touchUp(_, let time), .touchCancel(_, let time), .touchFrame(let time),
            .key(_, _, let time), .text(_, let time):
            time
        case .deviceAdded, .deviceRemoved:
            nil
        }
    }
}
