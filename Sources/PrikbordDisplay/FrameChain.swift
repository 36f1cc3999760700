import PrikbordGraphics

/// Scan-out memory a display owns (a dumb buffer, a framebuffer mapping, a
/// headless picture), lent out only for the length of a call.
protocol PanelBuffer: AnyObject {
    func withPanelMemory<R>(_ body: (PanelMemory) throws -> R) rethrows -> R

    /// The buffer as a surface to draw into; XRGB8888 only.
    func withSurface<R>(_ body: (Surface) throws -> R) rethrows -> R
}

extension PanelBuffer {
    func withSurface<R>(_ body: (Surface) throws -> R) rethrows -> R {
        try withPanelMemory { panel in
            precondition(panel.format == .xrgb8888, "drawing straight into \(panel.format)")
            // Made for this call only, so the mapping cannot outlive it.
            let surface = Surface(
                wrapping: panel.base, width: panel.width, height: panel.height,
                stride: panel.stride)
            return try body(surface)
        }
    }
}

/// How a display's frames get from the UI into the buffers it scans out:
/// one or two panel buffers, the back one drawn while the front one is shown.
///
/// *Into the back buffer* (no turn in software): before the UI draws, the
/// regions the back buffer missed while it was the front one (its stale list,
/// see `DamageTracker`) are copied over from the front buffer. The back
/// buffer then holds exactly the last frame, so the UI goes on drawing only
/// what changed — moving pixels to scroll, repainting a pressed block — and
/// no frame of our own is needed.
///
/// *Into a shadow frame*: the UI draws into a logical frame the chain keeps;
/// its damage, and the back buffer's stale regions, are copied into the back
/// buffer, turned on the way when the panel is mounted rotated. For panels
/// the scan-out cannot turn, for memory that is slow to read (DRM's
/// `DRM_CAP_DUMB_PREFER_SHADOW`) and for a framebuffer that is scanned out
/// while it is written (fbdev).
///
/// The display decides when a drawn frame is shown and says so with
/// `frameShown()`; until then its damage is kept for the next frame.
final class FrameChain<Buffer: PanelBuffer> {
    let buffers: [Buffer]
    /// The logical frame the UI draws into; nil when it draws into the back
    /// buffer.
    let shadow: Surface?
    /// The turn from the shadow frame to the panel.
    let rotation: Rotation
    let bounds: Rect
    private(set) var backIndex = 0
    private var tracker: DamageTracker
    /// Drawn into the back buffer (or copied into it) but not shown yet.
    private var unshown: [Rect] = []
    /// Pixels the last frame copied: the back buffer catching up with the
    /// front one, or the shadow frame's regions going into the back buffer.
    private(set) var lastCopiedPixels = 0

    /// A chain over `buffers` (one or two, all cleared to black) for a
    /// logical frame `width` × `height`. With `shadowRotation` the UI draws
    /// into a shadow frame turned by it; without, into the back buffer, which
    /// must then be XRGB8888 of the logical size.
    init(buffers: [Buffer], width: Int, height: Int, shadowRotation: Rotation?) {
        precondition(buffers.count == 1 || buffers.count == 2, "\(buffers.count) buffers")
        self.buffers = buffers
        bounds = Rect(x: 0, y: 0, width: width, height: height)
        rotation = shadowRotation ?? .none
        shadow = shadowRotation.map { _ in Surface(width: width, height: height, color: .black) }
        // Cleared buffers are alike; a shadow's buffers must get all of it.
        tracker = DamageTracker(
            bufferCount: buffers.count, width: width, height: height,
            allAlike: shadowRotation == nil)
    }

    var frontIndex: Int { buffers.count == 1 ? 0 : 1 - backIndex }

    /// Whether the UI draws into the back buffer itself.
    var drawsIntoBackBuffer: Bool { shadow == nil }

    /// Whether a drawn frame is waiting to be shown.
    var hasUnshownFrame: Bool { !unshown.isEmpty }

    /// Brings the back buffer up to date, lets `draw` paint the next frame
    /// and returns the regions the back buffer now shows anew — empty when
    /// nothing changed. `draw` returns the rectangles it changed.
    ///
    /// With `touchingBuffers` false a shadow frame is drawn but nothing goes
    /// into the buffers, which all miss its damage: for memory that is not
    /// ours meanwhile (fbdev while the console has it).
    func draw(_ draw: (Surface) -> [Rect], touchingBuffers: Bool = true) -> [Rect] {
        if let shadow {
            guard touchingBuffers else {
                tracker.missed(draw(shadow))
                lastCopiedPixels = 0
                return []
            }
            return drawShadowed(shadow, draw)
        }
        precondition(touchingBuffers, "a chain without a shadow frame draws into its buffers")
        let back = backIndex
        let carried = tracker.takeStale(buffer: back)
        if buffers.count > 1, !carried.isEmpty {
            buffers[frontIndex].withPanelMemory { front in
                buffers[back].withPanelMemory { PanelCopy.copy(carried, from: front, to: $0) }
            }
        }
        lastCopiedPixels = Self.pixels(carried)
        let damage = DamageTracker.clipped(buffers[back].withSurface(draw), to: bounds)
        tracker.painted(damage, into: back)
        unshown = DamageTracker.merged(unshown + damage)
        return unshown
    }

    private func drawShadowed(_ shadow: Surface, _ draw: (Surface) -> [Rect]) -> [Rect] {
        let damage = draw(shadow)
        let back = backIndex
        let regions = tracker.beginRepaint(buffer: back, damage: damage)
        buffers[back].withPanelMemory { panel in
            PanelCopy.copy(regions, from: shadow, to: panel, rotation: rotation)
        }
        lastCopiedPixels = Self.pixels(regions)
        unshown = DamageTracker.merged(unshown + regions)
        return unshown
    }

    /// The back buffer went to the screen (or its flip was queued): it is the
    /// front buffer now.
    func frameShown() {
        unshown = []
        if buffers.count > 1 { backIndex = 1 - backIndex }
    }

    /// The next frame must show every pixel (a modeset after the seat came
    /// back or a panel was plugged in again), even when nothing changed.
    func showEverythingNext() {
        // Our buffers kept what we drew into them; a shadow's are copied
        // whole again all the same, as cheap insurance against a driver that
        // lost them.
        if shadow != nil { tracker.markAllStale() }
        unshown = [bounds]
    }

    private static func pixels(_ regions: [Rect]) -> Int {
        regions.reduce(0) { $0 + $1.width * $1.height }
    }
}
