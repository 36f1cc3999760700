import FoundationEssentials
import Glibc

/// Kinetic scrolling after a drag lets go: the content keeps moving and slows
/// down exponentially, like a wheel with friction.
///
/// Velocity decays as `v(t) = v₀·e^(−t/τ)`, so the position is
/// `x(t) = x₀ + v₀·τ·(1 − e^(−t/τ))`, computed from the start at every call:
/// frames that come late do not change where the content ends up.
///
/// At the ends of `range` the fling stops dead, with no overshoot and no
/// bounce: a list's first post stays at the top of the screen. It is finished
/// there, or once the velocity has dropped below `stopVelocity`.
///
/// Positions and velocities are in the unit of the scroll offset (logical px,
/// px/s). A finger moving up scrolls the offset down the list, so the UI
/// passes the negated `dragEnded` velocity.
public struct Fling: Sendable, Equatable {
    /// Below this speed (px/s) the content is taken to be at rest.
    public static let stopVelocity = 20.0
    /// The decay time constant τ in seconds; 325 ms feels like a phone.
    public static let defaultTimeConstant = 0.325

    public let start: Double
    public let velocity: Double
    public let range: ClosedRange<Double>
    public let startTime: UInt64
    public let timeConstant: Double

    /// True once the content has come to rest; `position(at:)` stays put after.
    public private(set) var isFinished: Bool
    private var restingPosition: Double

    /// - Parameters:
    ///   - position: the scroll offset when the finger let go, inside `range`.
    ///   - velocity: its speed then, px/s.
    ///   - time: the release time, µs on the clock of the events.
    public init(
        position: Double,
        velocity: Double,
        range: ClosedRange<Double>,
        time: UInt64,
        timeConstant: Double = Fling.defaultTimeConstant
    ) {
        let clamped = min(max(position, range.lowerBound), range.upperBound)
        self.start = clamped
        self.velocity = velocity
        self.range = range
        self.startTime = time
        self.timeConstant = timeConstant
        self.restingPosition = clamped
        self.isFinished =
            abs(velocity) < Self.stopVelocity
            || (clamped == range.lowerBound && velocity < 0)
            || (clamped == range.upperBound && velocity > 0)
    }

    /// Where the fling puts the content at `time`.
    public mutating func position(at time: UInt64) -> Double {
        if isFinished { return restingPosition }

        let seconds = Double(time > startTime ? time - startTime : 0) / 1_000_000
        let decay = exp(-seconds / timeConstant)
        let free = start + velocity * timeConstant * (1 - decay)
        let position = min(max(free, range.lowerBound), range.upperBound)

        if position != free || abs(velocity * decay) < Self.stopVelocity {
            isFinished = true
            restingPosition = position
        }
        return position
    }
}
