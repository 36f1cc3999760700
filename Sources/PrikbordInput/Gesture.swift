/// What a finger meant, as the UI acts on it. Coordinates are logical pixels.
///
/// A `pressed` ends in exactly one of `tap`, `longPress` or `released`; a
/// `dragBegan` always comes after the `released` of its press and ends in
/// one `dragEnded`.
public enum Gesture: Sendable, Equatable {
    /// Which way the finger moved in a swipe.
    public enum Direction: Sendable, Equatable {
        /// Towards smaller x: the next screen.
        case left
        /// Towards larger x: the previous screen.
        case right
    }

    /// A finger came down: show a pressed state on what is under it.
    case pressed(x: Double, y: Double)
    /// The pressed state ends without a tap: the finger moved, a second finger
    /// or a palm landed, or the touch was cancelled.
    case released
    case tap(x: Double, y: Double)
    case longPress(x: Double, y: Double)
    /// A vertical drag starts where the finger first came down.
    case dragBegan(x: Double, y: Double)
    /// The finger moved this far since the last `dragMoved` (or since it came
    /// down, for the first one).
    case dragMoved(dx: Double, dy: Double)
    /// The finger let go, moving this fast (px/s); zero when the drag was
    /// cancelled, so content stays put instead of flinging.
    case dragEnded(velocityX: Double, velocityY: Double)
    /// A fast sideways movement of at least
    /// `GestureRecognizer.swipeDistanceMillimetres`, decided when the finger
    /// lifts; a slow one is nothing (its press already ended in `released`).
    case swipe(Direction)
}
