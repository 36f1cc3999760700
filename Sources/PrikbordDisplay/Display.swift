import PrikbordGraphics

/// Something that puts finished frames on a screen.
///
/// The UI draws logical frames (`width` × `height`, after rotation) inside
/// `drawFrame`, into the surface the display lends it: the back buffer
/// itself where the panel needs no turn in software, otherwise a shadow frame
/// the display keeps and copies (turned) into the back buffer. Either way the
/// surface holds exactly the frame drawn before, so the UI draws only what
/// changed. A display that flips pages (DRM) reports through `fileDescriptor`
/// and `onFlipComplete` when the next frame may be drawn; until then
/// `isFlipPending` is true and `drawFrame` does nothing, so that there are
/// never two flips in flight and never drawing into a buffer on its way to
/// the screen.
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
    /// True when a drawn frame did not reach the screen because the device
    /// was busy (a flip the kernel still had queued): call `drawFrame` again,
    /// with nothing new to draw if need be, to retry.
    var hasUnshownFrame: Bool { get }

    /// Draws the next frame and shows it (on DRM: queues its page flip).
    ///
    /// `draw` gets the surface for the frame, logical size, holding the frame
    /// drawn before, and returns the rectangles (logical coordinates) it
    /// changed; it must not keep the surface. A frame that cannot be shown
    /// yet (a busy CRTC, a paused seat, a blanked panel) is kept and shown by
    /// a later call. Does nothing while `isFlipPending`.
    func drawFrame(_ draw: (Surface) -> [Rect]) throws

    /// Reads and handles pending events; call when `fileDescriptor` is readable.
    func dispatchEvents() throws

    /// Called when a presented frame reached the screen, with the flip's
    /// CLOCK_MONOTONIC timestamp in microseconds. Displays without flip events
    /// call it from inside `drawFrame`.
    var onFlipComplete: ((UInt64) -> Void)? { get set }

    /// Turns the panel on or off (DPMS on DRM, blanking on fbdev).
    func setPowered(_ on: Bool) throws

    /// The seat was switched away: stop touching the device. Frames drawn
    /// meanwhile are kept.
    func pause()

    /// The seat is back: the next `drawFrame` shows the whole frame again.
    func resume() throws
}

extension Display {
    /// The whole logical frame, for a first or a full repaint.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Shows `damage` of a frame drawn elsewhere, by copying those rectangles
    /// into the display's next frame: for tools and tests with a picture of
    /// their own.
    public func present(_ frame: Surface, damage: [Rect]) throws {
        guard frame.width == width, frame.height == height else {
            throw DisplayError.unsupported(
                "frame \(frame.width)x\(frame.height) on a \(width)x\(height) display"
            )
        }
        try drawFrame { surface in
            for rect in damage { surface.copy(rect, from: frame) }
            return damage
        }
    }

    public func pause() {}

    public func resume() throws {}
}
