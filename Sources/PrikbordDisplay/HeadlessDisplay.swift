import PrikbordGraphics

/// A display that keeps the picture in memory: for tests, benchmarks and
/// screenshots on machines without a screen.
///
/// `frame` holds what a panel mounted at `rotation` would show, so a rotated
/// kiosk's picture comes out turned as on the wall. There is no page flip:
/// `onFlipComplete` is called from inside `present`.
public final class HeadlessDisplay: Display {
    public let width: Int
    public let height: Int
    public let rotation: Rotation
    /// The panel's picture (panel orientation), updated by every `present`.
    public let frame: Surface
    public var onFlipComplete: ((UInt64) -> Void)?
    public private(set) var isPowered = true
    /// Frames presented so far, and the logical pixels the last one copied.
    public private(set) var presentCount = 0
    public private(set) var lastCopiedPixels = 0

    private var pendingDamage: [Rect] = []

    /// A display whose logical size is `width` × `height`.
    public init(width: Int, height: Int, rotation: Rotation = .none) {
        self.width = width
        self.height = height
        self.rotation = rotation
        let panel = rotation.logicalSize(panelWidth: width, panelHeight: height)
        frame = Surface(width: panel.width, height: panel.height, color: .black)
    }

    public var summary: String { "headless \(width)x\(height) rotation \(rotation.rawValue)" }
    public var fileDescriptor: Int32? { nil }
    public var isFlipPending: Bool { false }

    public func present(_ source: Surface, damage: [Rect]) throws {
        guard source.width == width, source.height == height else {
            throw DisplayError.unsupported(
                "frame \(source.width)x\(source.height) on a \(width)x\(height) display"
            )
        }
        let regions = DamageTracker.merged(
            DamageTracker.clipped(pendingDamage + damage, to: bounds)
        )
        guard isPowered else {
            pendingDamage = regions
            return
        }
        pendingDamage = []

        frame.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let panel = PanelMemory(
                base: base, width: frame.width, height: frame.height,
                stride: frame.stride, format: .xrgb8888
            )
            PanelCopy.copy(regions, from: source, to: panel, rotation: rotation)
        }
        presentCount += 1
        lastCopiedPixels = regions.reduce(0) { $0 + $1.width * $1.height }
        onFlipComplete?(monotonicMicroseconds())
    }

    public func dispatchEvents() throws {}

    public func setPowered(_ on: Bool) throws {
        isPowered = on
    }

    /// Writes what the panel shows as a PNG.
    public func writePNG(to path: String) throws {
        try frame.writePNG(to: path)
    }
}
