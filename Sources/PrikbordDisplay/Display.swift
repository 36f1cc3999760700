import PrikbordGraphics

/// Something that puts finished frames on a screen.
///
/// The UI draws logical frames (`width` × `height`, after rotation) and hands
/// each one over with the rectangles that changed. A display that flips pages
/// (DRM) reports through `fileDescriptor` and `onFlipComplete` when the next
/// frame may be presented; the run loop presents only while `isFlipPending`
/// is false, so that there are never two flips in flight.
public protocol Display: AnyObject {
    /// Logical width the UI draws at, after rotation.
    var width: Int { get }
    /// Logical height the UI draws at, after rotation.
    var height: Int { get }
    /// One line for the log: `drm /dev/dri/card0 HDMI-A-1 1920x1080@60`.
    var summary: String { get }
    /// Poll this for page-flip events; nil when the display has none.
    var fileDescriptor: Int32? { get }
    /// True from a queued page flip until its completion event was dispatched.
    var isFlipPending: Bool { get }

    /// Copies `damage` (logical coordinates) of the finished frame to the
    /// screen and, on DRM, queues a page flip. Regions stale in the back
    /// buffer are carried over. Damage that cannot be shown yet (a flip in
    /// flight, a busy CRTC, a paused seat, a blanked panel) is kept and shown
    /// by the next call.
    func present(_ frame: Surface, damage: [Rect]) throws

    /// Reads and handles pending events; call when `fileDescriptor` is readable.
    func dispatchEvents() throws

    /// Called when a presented frame reached the screen, with the flip's
    /// CLOCK_MONOTONIC timestamp in microseconds. Displays without flip events
    /// call it from inside `present`.
    var onFlipComplete: ((UInt64) -> Void)? { get set }

    /// Turns the panel on or off (DPMS on DRM, blanking on fbdev).
    func setPowered(_ on: Bool) throws

    /// The seat was switched away: stop touching the device.
    func pause()

    /// The seat is back: the next `present` repaints the whole frame.
    func resume() throws
}

extension Display {
    /// The whole logical frame, for a first or a full repaint.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public func pause() {}

    public func resume() throws {}
}
