import CDeviceShim
import PrikbordGraphics
import PrikbordLog

#if canImport(Glibc)
    import Glibc
#endif

/// The legacy framebuffer (`/dev/fb0`): one mapped buffer the panel scans out
/// directly, so frames are copied in place and may tear. For boards whose
/// kernel has no KMS driver.
public final class FBDevDisplay: Display {
    public let path: String
    public let rotation: Rotation
    public let width: Int
    public let height: Int
    public let format: PixelFormat
    public var onFlipComplete: ((UInt64) -> Void)?
    public private(set) var isPowered = true
    public private(set) var isPaused = false

    private let fd: Int32
    private let memory: UnsafeMutableRawPointer
    private let length: Int
    private let panelWidth: Int
    private let panelHeight: Int
    private let stride: Int
    private var tracker: DamageTracker

    /// Opens and maps `path` (default `/dev/fb0`); 32 and 16 bits per pixel.
    public init(path: String = "/dev/fb0", rotation: Rotation = .none) throws {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw DisplayError.systemCall(name: "open", errno: errno, subject: path)
        }
        do {
            var variable = fb_var_screeninfo()
            var fixed = fb_fix_screeninfo()
            try systemCall("FBIOGET_VSCREENINFO", on: path) {
                prikbord_fb_get_variable_info(fd, &variable)
            }
            try systemCall("FBIOGET_FSCREENINFO", on: path) {
                prikbord_fb_get_fixed_info(fd, &fixed)
            }
            format = try Self.pixelFormat(variable, path: path)
            panelWidth = Int(variable.xres)
            panelHeight = Int(variable.yres)
            stride = Int(fixed.line_length)
            length = Int(fixed.smem_len)
            // TODO: a panned (yoffset != 0) framebuffer shows another part of
            // the memory; we draw at the top and assume the console left it there.
            memory = try mapShared(length: length, fd: fd, offset: 0, subject: path)
        } catch {
            close(fd)
            throw error
        }
        self.fd = fd
        self.path = path
        self.rotation = rotation
        let logical = rotation.logicalSize(panelWidth: panelWidth, panelHeight: panelHeight)
        width = logical.width
        height = logical.height
        tracker = DamageTracker(bufferCount: 1, width: logical.width, height: logical.height)
        Log.info(
            "fbdev framebuffer chosen",
            [
                "fbdev.path": path, "fbdev.mode": "\(panelWidth)x\(panelHeight)",
                "fbdev.format": "\(format)", "display.rotation": "\(rotation.rawValue)",
            ])
    }

    deinit {
        munmap(memory, length)
        close(fd)
    }

    private static func pixelFormat(
        _ info: fb_var_screeninfo, path: String
    ) throws(DisplayError) -> PixelFormat {
        switch (info.bits_per_pixel, info.red.offset, info.blue.offset) {
        case (32, 16, 0): return .xrgb8888
        case (32, 0, 16): return .xbgr8888
        case (16, 11, 0): return .rgb565
        default:
            throw .unsupported(
                "\(path): \(info.bits_per_pixel) bpp, red at bit \(info.red.offset)"
            )
        }
    }

    public var summary: String {
        "fbdev \(path) \(panelWidth)x\(panelHeight) \(format)"
    }

    public var fileDescriptor: Int32? { nil }
    public var isFlipPending: Bool { false }

    public func present(_ frame: Surface, damage: [Rect]) throws {
        guard frame.width == width, frame.height == height else {
            throw DisplayError.unsupported(
                "frame \(frame.width)x\(frame.height) on a \(width)x\(height) display"
            )
        }
        guard isPowered, !isPaused else {
            tracker.missed(damage)
            return
        }
        let regions = tracker.beginRepaint(buffer: 0, damage: damage)
        guard !regions.isEmpty else { return }
        let panel = PanelMemory(
            base: memory, width: panelWidth, height: panelHeight, stride: stride, format: format
        )
        PanelCopy.copy(regions, from: frame, to: panel, rotation: rotation)
        onFlipComplete?(monotonicMicroseconds())
    }

    public func dispatchEvents() throws {}

    public func setPowered(_ on: Bool) throws {
        let blank = on ? FB_BLANK_UNBLANK : FB_BLANK_POWERDOWN
        try systemCall("FBIOBLANK", on: path) { prikbord_fb_blank(fd, Int32(blank)) }
        isPowered = on
    }

    public func pause() {
        isPaused = true
    }

    /// The console may have drawn over the framebuffer: repaint everything.
    public func resume() throws {
        isPaused = false
        tracker.markAllStale()
    }
}
