/// Turns raw touch events into gestures: tap, long press, vertical drag,
/// horizontal swipe, with a pressed state shown as soon as a finger lands.
///
/// One finger leads a gesture. A second finger during a press ends the press
/// (`released`, no tap); during a drag or swipe it is ignored. A palm —
/// `palmContacts` or more contacts at once — ends whatever was going on.
/// libinput reports large touches it recognises as palms as cancels, which end
/// the gesture the same way. After an interruption nothing new starts until
/// every finger has lifted.
///
/// Feed every event with `handle(_:)` and call `tick(now:)` while a finger is
/// down (each frame is enough) so a long press fires without further input.
public final class GestureRecognizer {
    /// Movement within this distance of the landing point is still a tap.
    public static let tapSlopMillimetres = 3.0
    /// Held this long without moving, a press becomes a long press.
    public static let longPressMicroseconds: UInt64 = 500_000
    /// Release velocity is measured over the last samples in this window.
    public static let velocityWindowMicroseconds: UInt64 = 80_000
    /// A horizontal movement must be at least this long to switch screens…
    public static let swipeDistanceMillimetres = 15.0
    /// …and at least this fast, on average or at release.
    public static let swipeSpeedMillimetresPerSecond = 150.0
    /// This many contacts at once are a palm or a forearm, not fingers.
    public static let palmContacts = 3

    private enum Phase {
        case idle
        /// One finger down, not yet moved beyond the slop.
        case pressed
        case longPressed
        case dragging
        /// Moved sideways beyond the slop: a swipe if it is long and fast.
        case horizontal
        /// Interrupted; wait until every finger has lifted.
        case ignoring
    }

    private struct Sample {
        var x: Double, y: Double, time: UInt64
    }

    private let pixelsPerMillimetre: Double
    private var phase = Phase.idle
    private var contacts: [Int32: Sample] = [:]
    private var leader: Int32 = 0
    private var landing = Sample(x: 0, y: 0, time: 0)
    private var lastReported = Sample(x: 0, y: 0, time: 0)
    private var recent: [Sample] = []

    /// - Parameter pixelsPerMillimetre: the panel's density, so the slop and
    ///   thresholds are the same physical size on every screen.
    public init(pixelsPerMillimetre: Double) {
        precondition(pixelsPerMillimetre > 0, "a panel has a positive density")
        self.pixelsPerMillimetre = pixelsPerMillimetre
    }

    /// True while a finger is down and a long press may still fire.
    public var isWaitingForLongPress: Bool { phase == .pressed }

    /// The gestures `event` completes, in order.
    public func handle(_ event: InputEvent) -> [Gesture] {
        var gestures = event.time.map { tick(now: $0) } ?? []
        switch event {
        case .touchDown(let slot, let x, let y, let time):
            gestures += fingerDown(slot, Sample(x: x, y: y, time: time))
        case .touchMotion(let slot, let x, let y, let time):
            gestures += fingerMoved(slot, Sample(x: x, y: y, time: time))
        case .touchUp(let slot, let time):
            gestures += fingerUp(slot, time: time)
        case .touchCancel(let slot, _):
            gestures += fingerCancelled(slot)
        case .touchFrame, .key, .text, .deviceAdded, .deviceRemoved:
            // Each touch event is acted on as it comes; the leading finger's
            // events need no grouping by frame.
            break
        }
        return gestures
    }

    /// The long press, once the leading finger has been held still long enough.
    /// `now` is on the clock of the events (`MonotonicClock`).
    public func tick(now: UInt64) -> [Gesture] {
        guard phase == .pressed,
            now >= landing.time + Self.longPressMicroseconds
        else { return [] }
        phase = .longPressed
        return [.longPress(x: landing.x, y: landing.y)]
    }

    private func fingerDown(_ slot: Int32, _ sample: Sample) -> [Gesture] {
        contacts[slot] = sample
        if contacts.count >= Self.palmContacts { return interrupt() }

        switch phase {
        case .idle:
            leader = slot
            landing = sample
            lastReported = sample
            recent = [sample]
            phase = .pressed
            return [.pressed(x: sample.x, y: sample.y)]
        case .pressed:
            // A second finger: this is not a tap on what the first one pressed.
            phase = .ignoring
            return [.released]
        case .longPressed, .dragging, .horizontal, .ignoring:
            return []
        }
    }

    private func fingerMoved(_ slot: Int32, _ sample: Sample) -> [Gesture] {
        guard contacts[slot] != nil else { return [] }
        contacts[slot] = sample
        guard slot == leader else { return [] }

        recent.append(sample)
        recent.removeAll { $0.time + Self.velocityWindowMicroseconds < sample.time }

        switch phase {
        case .pressed:
            return leaveSlop(sample)
        case .dragging:
            let moved = Gesture.dragMoved(
                dx: sample.x - lastReported.x, dy: sample.y - lastReported.y
            )
            lastReported = sample
            return [moved]
        case .idle, .longPressed, .horizontal, .ignoring:
            return []
        }
    }

    /// Once the finger leaves the slop it drags (mostly vertical) or may swipe.
    private func leaveSlop(_ sample: Sample) -> [Gesture] {
        let dx = sample.x - landing.x
        let dy = sample.y - landing.y
        let slop = Self.tapSlopMillimetres * pixelsPerMillimetre
        guard dx * dx + dy * dy > slop * slop else { return [] }

        if abs(dy) >= abs(dx) {
            phase = .dragging
            lastReported = sample
            return [
                .released, .dragBegan(x: landing.x, y: landing.y), .dragMoved(dx: dx, dy: dy),
            ]
        }
        phase = .horizontal
        return [.released]
    }

    private func fingerUp(_ slot: Int32, time: UInt64) -> [Gesture] {
        guard let last = contacts.removeValue(forKey: slot) else { return [] }
        defer { if contacts.isEmpty { phase = .idle } }
        guard slot == leader else { return [] }

        let ended = phase
        phase = .ignoring
        switch ended {
        case .pressed:
            return [.tap(x: landing.x, y: landing.y)]
        case .dragging:
            let velocity = releaseVelocity(at: time)
            return [.dragEnded(velocityX: velocity.x, velocityY: velocity.y)]
        case .horizontal:
            return swipe(last: last, at: time).map { [.swipe($0)] } ?? []
        case .idle, .longPressed, .ignoring:
            return []
        }
    }

    private func fingerCancelled(_ slot: Int32) -> [Gesture] {
        guard contacts.removeValue(forKey: slot) != nil else { return [] }
        defer { if contacts.isEmpty { phase = .idle } }
        return slot == leader ? interrupt() : []
    }

    /// Ends the gesture in progress without its usual outcome.
    private func interrupt() -> [Gesture] {
        let ended = phase
        phase = contacts.isEmpty ? .idle : .ignoring
        switch ended {
        case .pressed: return [.released]
        case .dragging: return [.dragEnded(velocityX: 0, velocityY: 0)]
        case .idle, .longPressed, .horizontal, .ignoring: return []
        }
    }

    /// Velocity over the last samples; zero when the finger rested before
    /// lifting, so a drag that stopped does not fling.
    private func releaseVelocity(at time: UInt64) -> (x: Double, y: Double) {
        guard let last = recent.last, let first = recent.first,
            time <= last.time + Self.velocityWindowMicroseconds,
            last.time > first.time
        else { return (0, 0) }
        let seconds = Double(last.time - first.time) / 1_000_000
        return ((last.x - first.x) / seconds, (last.y - first.y) / seconds)
    }

    private func swipe(last: Sample, at time: UInt64) -> Gesture.Direction? {
        let dx = last.x - landing.x
        let distance = abs(dx) / pixelsPerMillimetre
        guard distance >= Self.swipeDistanceMillimetres, time > landing.time else { return nil }

        let seconds = Double(time - landing.time) / 1_000_000
        let averageSpeed = distance / seconds
        let releaseSpeed = abs(releaseVelocity(at: time).x) / pixelsPerMillimetre
        guard max(averageSpeed, releaseSpeed) >= Self.swipeSpeedMillimetresPerSecond,
            releaseVelocity(at: time).x * dx >= 0
        else { return nil }
        return dx < 0 ? .left : .right
    }
}
