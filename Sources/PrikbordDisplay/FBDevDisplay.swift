import CDeviceShim
import PrikbordGraphics
import PrikbordLog

#if canImport(Glibc)
    import Glibc
#endif

/// The legacy framebuffer (`/dev/fb0`): one mapped buffer the panel scans out
/// directly, so frames are copied in place and may tear. For boards whose
/// kernel has no KMS driver.
///
/// The UI draws into a shadow frame, whatever the rotation, and finished
/// damage is copied out: drawn in place, every fill before its text would be
/// on screen for a moment, framebuffer memory is often uncached and slow to
/// read back (blending and scrolling read it), and it may not even be
/// XRGB8888. One frame of memory is the price.
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
    private let panelWidth: Int
    private let panelHeight: Int
    private let chain: FrameChain<FramebufferMapping>

    /// Opens and maps `path` (default `/dev/fb0`); 32 and 16 bits per pixel.
    public init(path: String = "/dev/fb0", rotation: Rotation = .none) throws {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw DisplayError.systemCall(name: "open", errno: errno, subject: path)
        }
        let mapping: FramebufferMapping
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
            // TODO: a panned framebuffer (yoffset != 0) shows memory below where we draw.
            // We draw at the top and assume the console left the panning there.
            mapping = try FramebufferMapping(
                fd: fd, length: Int(fixed.smem_len), path: path,
                panel: (panelWidth, panelHeight, Int(fixed.line_length), format))
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
        chain = FrameChain(
            buffers: [mapping], width: logical.width, height: logical.height,
            shadowRotation: rotation)
        Log.info(
            "fbdev framebuffer chosen",
            [
                "fbdev.path": path, "fbdev.mode": "\(panelWidth)x\(panelHeight)",
                "fbdev.format": "\(format)", "display.rotation": "\(rotation.rawValue)",
            ])
    }

    deinit {
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

    public var hasUnshownFrame: Bool { false }

    public func drawFrame(_ draw: (Surface) -> [Rect]) throws {
        // While paused the console owns the memory; while dark, why bother.
        let canShow = isPowered && !isPaused
        let regions = chain.draw(draw, touchingBuffers: canShow)
        guard canShow, !regions.isEmpty else { return }
        chain.frameShown()
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
        chain.showEverythingNext()
    }
}

/// The framebuffer's memory, mapped; unmapped in `deinit`.
final class FramebufferMapping: PanelBuffer {
    private let memory: UnsafeMutableRawPointer
    private let length: Int
    private let panel: (width: Int, height: Int, stride: Int, format: PixelFormat)

    init(
        fd: Int32, length: Int, path: String,
        panel: (width: Int, height: Int, stride: Int, format: PixelFormat)
    ) throws(DisplayError) {
        memory = try mapShared(length: length, fd: fd, offset: 0, subject: path)
        self.length = length
        self.panel = panel
    }

    deinit {
        munmap(memory, length)
    }

    func withPanelMemory<R>(_ body: (PanelMemory) throws -> R) rethrows -> R {
        try body(
            PanelMemory(
                base: memory, width: panel.width, height: panel.height, stride: panel.stride,
                format: panel.format))
    }
}
