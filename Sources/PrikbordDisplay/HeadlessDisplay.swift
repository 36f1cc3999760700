import PrikbordGraphics

/// A display that keeps the picture in memory: for tests, benchmarks and
/// screenshots on machines without a screen.
///
/// It buffers frames as a DRM display does — two panel buffers, the UI drawing
/// straight into the back one when the panel needs no turn and into a shadow
/// frame when it does — so a benchmark on it copies and holds what a kiosk on
/// a card does. `frame` is the front buffer: what a panel mounted at
/// `rotation` shows, turned as on the wall. There is no page flip: a frame is
/// shown at once and `onFlipComplete` is called from inside `drawFrame`.
public final class HeadlessDisplay: Display {
    public let width: Int
    public let height: Int
    public let rotation: Rotation
    public var onFlipComplete: ((UInt64) -> Void)?
    public private(set) var isPowered = true
    public private(set) var isPaused = false
    /// Frames shown so far.
    public private(set) var presentCount = 0

    private let chain: FrameChain<PictureBuffer>

    /// A display whose logical size is `width` × `height`. `shadowFrame`
    /// keeps a logical frame of its own even when the panel needs no turn, as
    /// a DRM display does on a card whose buffers are slow to read.
    public init(
        width: Int, height: Int, rotation: Rotation = .none, shadowFrame: Bool = false
    ) {
        self.width = width
        self.height = height
        self.rotation = rotation
        let panel = rotation.logicalSize(panelWidth: width, panelHeight: height)
        let buffers = (0..<2).map { _ in PictureBuffer(width: panel.width, height: panel.height) }
        let shadowed = shadowFrame || rotation != .none
        chain = FrameChain(
            buffers: buffers, width: width, height: height,
            shadowRotation: shadowed ? rotation : nil)
    }

    public var summary: String {
        "headless \(width)x\(height) rotation \(rotation.rawValue)"
            + (chain.drawsIntoBackBuffer ? "" : " shadow frame")
    }
    public var fileDescriptor: Int32? { nil }
    public var isFlipPending: Bool { false }
    public var hasUnshownFrame: Bool { false }

    /// The panel's picture (panel orientation): the front buffer.
    public var frame: Surface { chain.buffers[chain.frontIndex].surface }

    /// What the panel shows as the UI drew it (logical orientation): the
    /// shadow frame when there is one, else the front buffer. While paused or
    /// dark a shadow frame is ahead of the panel.
    public var picture: Surface { chain.shadow ?? frame }

    /// Whether the UI draws straight into the back buffer.
    public var drawsIntoBackBuffer: Bool { chain.drawsIntoBackBuffer }

    /// Bytes of the two panel buffers. They are process memory here; on a
    /// DRM card they are the card's dumb buffers, mapped into the kiosk but
    /// not counted in its resident set.
    public var panelBufferBytes: Int {
        chain.buffers.reduce(0) { $0 + $1.surface.stride * $1.surface.height }
    }

    /// Pixels the last frame copied: the back buffer catching up with the
    /// front one, or the shadow frame's regions going into the back buffer.
    public var lastCopiedPixels: Int { chain.lastCopiedPixels }

    public func drawFrame(_ draw: (Surface) -> [Rect]) throws {
        let regions = chain.draw(draw)
        guard isPowered, !isPaused, !regions.isEmpty else { return }
        chain.frameShown()
        presentCount += 1
        onFlipComplete?(monotonicMicroseconds())
    }

    public func dispatchEvents() throws {}

    public func setPowered(_ on: Bool) throws {
        isPowered = on
    }

    /// Like a seat switched away: frames are drawn but not shown.
    public func pause() {
        isPaused = true
    }

    public func resume() throws {
        isPaused = false
        chain.showEverythingNext()
    }

    /// Writes what the panel shows as a PNG.
    public func writePNG(to path: String) throws {
        try frame.writePNG(to: path)
    }
}

/// A headless panel buffer: a surface of our own, lent as it is.
final class PictureBuffer: PanelBuffer {
    let surface: Surface

    init(width: Int, height: Int) {
        surface = Surface(width: width, height: height, color: .black)
    }

    func withPanelMemory<R>(_ body: (PanelMemory) throws -> R) rethrows -> R {
        try surface.withUnsafeMutableBytes { bytes in
            try body(
                PanelMemory(
                    base: bytes.baseAddress!, width: surface.width, height: surface.height,
                    stride: surface.stride, format: .xrgb8888))
        }
    }

    func withSurface<R>(_ body: (Surface) throws -> R) rethrows -> R {
        try body(surface)
    }
}
