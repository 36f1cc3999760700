import CDRM
import PrikbordGraphics
import PrikbordLog

#if canImport(Glibc)
    import Glibc
#endif

/// A KMS display: two XRGB8888 dumb buffers on one connector, the first frame
/// by modeset, the following ones by page flip, never two flips in flight.
///
/// Where the panel needs no turn in software (rotation 0, or a half turn the
/// primary plane does itself) the UI draws straight into the back buffer,
/// after the regions it missed while it was the front one were copied over
/// (see `FrameChain`); otherwise, and on cards that ask for it
/// (`DRM_CAP_DUMB_PREFER_SHADOW`), into a shadow frame that each frame's
/// damage is copied and turned from. Then a flip is queued. Its completion
/// arrives on `fileDescriptor`; call `dispatchEvents` when it is readable.
public final class DRMDisplay: Display {
    /// The card's device node.
    public let path: String
    public let rotation: Rotation
    public let width: Int
    public let height: Int
    public var onFlipComplete: ((UInt64) -> Void)?
    public internal(set) var isFlipPending = false
    public internal(set) var isPowered = true
    public internal(set) var isPaused = false
    /// False after a re-probe found the connector unplugged.
    public internal(set) var isConnected = true

    let fd: Int32
    let ownsDescriptor: Bool
    var output: DRMOutput
    let chain: FrameChain<DumbBuffer>
    /// The primary plane's rotation property, when it has one; set with
    /// every modeset, to a half turn when the plane does the panel's.
    let planeRotation: DRMPlaneRotation?
    let turnsInHardware: Bool
    var needsModeset = true
    var failedFlips = 0
    /// The last frame met a busy CRTC (or a lost master) and waits to be
    /// shown by the next `drawFrame`.
    var isShowPostponed = false
    private let savedCRTC: UnsafeMutablePointer<drmModeCrtc>?

    /// Opens `path`, or probes every `/dev/dri/card*` in turn when nil, and
    /// takes the first card with dumb buffers and a connected connector.
    public convenience init(path: String? = nil, rotation: Rotation = .none) throws {
        let candidates = path.map { [$0] } ?? DRMProbe.cardPaths()
        var reasons: [String] = []
        for candidate in candidates {
            let fd = open(candidate, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else {
                reasons.append("\(candidate): \(String(cString: strerror(errno)))")
                continue
            }
            // The first opener is master already; otherwise ask, and let the
            // modeset say whether we got it.
            _ = drmSetMaster(fd)
            do {
                try self.init(adopting: fd, path: candidate, rotation: rotation, owned: true)
                return
            } catch {
                reasons.append("\(candidate): \(error)")
                close(fd)
            }
        }
        let detail = candidates.isEmpty ? "no /dev/dri/card*" : reasons.joined(separator: "; ")
        throw DisplayError.noDevice(detail)
    }

    /// Drives a card already open on `fd` (for instance handed over by the
    /// seat). The descriptor stays the caller's.
    public convenience init(adopting fd: Int32, path: String, rotation: Rotation = .none) throws {
        try self.init(adopting: fd, path: path, rotation: rotation, owned: false)
    }

    private init(adopting fd: Int32, path: String, rotation: Rotation, owned: Bool) throws {
        let output = try DRMProbe.findOutput(fd: fd, path: path)
        let subject = "\(path) \(output.connectorName)"
        let buffers = try (0..<2).map { _ in
            try DumbBuffer(fd: fd, width: output.width, height: output.height, subject: subject)
        }
        let planeRotation = DRMPlaneRotation.find(fd: fd, crtcID: output.crtcID)
        // Asking is the only test: the kernel checks the turn against what
        // the plane shows now (the console), which has the panel's size too.
        var turnsInHardware = false
        if rotation == .half, let planeRotation {
            turnsInHardware = (try? planeRotation.set(.half, fd: fd, subject: subject)) != nil
        }
        let softwareTurn = turnsInHardware ? .none : rotation
        // "For best speed, userspace should do streaming ordered memory
        // copies into the dumb buffer and never read from it" (drm.h): the UI
        // reads what it blends over and moves pixels to scroll.
        let prefersShadow = DRMProbe.capability(fd: fd, DRM_CAP_DUMB_PREFER_SHADOW) != 0
        let shadowed = softwareTurn != .none || prefersShadow
        let logical = rotation.logicalSize(panelWidth: output.width, panelHeight: output.height)
        self.chain = FrameChain(
            buffers: buffers, width: logical.width, height: logical.height,
            shadowRotation: shadowed ? softwareTurn : nil)
        self.planeRotation = planeRotation
        self.turnsInHardware = turnsInHardware
        self.fd = fd
        self.path = path
        self.rotation = rotation
        self.ownsDescriptor = owned
        self.output = output
        self.width = logical.width
        self.height = logical.height
        self.savedCRTC = drmModeGetCrtc(fd, output.crtcID)
        Log.info(
            "drm output chosen",
            [
                "drm.card": path, "drm.connector": output.connectorName,
                "drm.mode": DRMProbe.modeName(output.mode), "drm.crtc": "\(output.crtcID)",
                "display.rotation": "\(rotation.rawValue)",
                "drm.rotation": turnsInHardware
                    ? "plane" : (rotation == .none ? "none" : "software"),
                "drm.plane_turns": planeRotation.map { plane in
                    plane.supported.keys.map { "\($0.rawValue)" }.sorted().joined(separator: ",")
                } ?? "no rotation property",
                "drm.prefer_shadow": "\(prefersShadow)",
                "display.drawing": shadowed ? "shadow frame" : "back buffer",
            ])
    }

    deinit {
        // The console does not expect a turned plane.
        if turnsInHardware, !isPaused { try? planeRotation?.set(.none, fd: fd, subject: path) }
        if let savedCRTC {
            // Give the console its picture back instead of our last frame.
            var connector = output.connectorID
            var mode = savedCRTC.pointee.mode
            let crtc = savedCRTC.pointee
            if !isPaused && crtc.mode_valid != 0 {
                drmModeSetCrtc(
                    fd, crtc.crtc_id, crtc.buffer_id, crtc.x, crtc.y,
                    &connector, 1, &mode)
            }
            drmModeFreeCrtc(savedCRTC)
        }
        if ownsDescriptor { close(fd) }
    }

    public var summary: String {
        "drm \(path) \(output.connectorName) \(DRMProbe.modeName(output.mode))"
    }

    public var fileDescriptor: Int32? { fd }

    public var hasUnshownFrame: Bool {
        isShowPostponed && chain.hasUnshownFrame && canShow
    }

    /// Whether a frame may go to the screen now, flips aside.
    private var canShow: Bool { !isPaused && isPowered && isConnected }

    public func drawFrame(_ draw: (Surface) -> [Rect]) throws {
        guard !isFlipPending else { return }
        let regions = chain.draw(draw)
        guard canShow, !regions.isEmpty || needsModeset else { return }

        let byModeset = needsModeset
        do throws(DisplayError) {
            try show(buffer: chain.backIndex)
        } catch {
            try handleFailedShow(error)
            return
        }
        failedFlips = 0
        isShowPostponed = false
        // Before anyone hears of it: a listener may draw the next frame.
        chain.frameShown()
        if byModeset {
            Log.debug("frame shown by modeset", ["drm.connector": output.connectorName])
            onFlipComplete?(monotonicMicroseconds())
        }
    }

    /// Modeset for the first frame (and after a resume), page flip otherwise.
    private func show(buffer index: Int) throws(DisplayError) {
        let framebuffer = chain.buffers[index].framebufferID
        let subject = "\(path) \(output.connectorName)"
        if needsModeset {
            setPlaneRotation()
            var connector = output.connectorID
            var mode = output.mode
            try systemCall("drmModeSetCrtc", on: subject) {
                drmModeSetCrtc(fd, output.crtcID, framebuffer, 0, 0, &connector, 1, &mode)
            }
            needsModeset = false
            return
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        try systemCall("drmModePageFlip", on: subject) {
            drmModePageFlip(
                fd, output.crtcID, framebuffer, UInt32(DRM_MODE_PAGE_FLIP_EVENT), context
            )
        }
        isFlipPending = true
    }

    /// Whoever had the card last may have left the plane turned: set the
    /// turn we draw for with every modeset.
    private func setPlaneRotation() {
        guard let planeRotation else { return }
        do throws(DisplayError) {
            try planeRotation.set(turnsInHardware ? .half : .none, fd: fd, subject: summary)
        } catch {
            Log.warning(
                "plane rotation not set; the picture may be turned",
                ["drm.connector": output.connectorName, "error": "\(error)"])
        }
    }

    /// EBUSY means the CRTC still has a flip queued (one we lost track of, or
    /// the kernel's own); EACCES/EPERM mean master went elsewhere. Both pass:
    /// the frame stays in the back buffer and the next `drawFrame` tries again.
    private func handleFailedShow(_ error: DisplayError) throws {
        failedFlips += 1
        let transient: Set<Int32> = [EBUSY, EAGAIN, EACCES, EPERM]
        isShowPostponed = error.errno.map(transient.contains) ?? false
        guard isShowPostponed else { throw error }
        if failedFlips == 1 || failedFlips % 600 == 0 {
            Log.warning(
                "page flip postponed",
                [
                    "drm.connector": output.connectorName, "error": "\(error)",
                    "drm.failures": "\(failedFlips)",
                ])
        }
    }

    /// A flip completion, from `dispatchEvents`.
    func flipCompleted(microseconds: UInt64) {
        isFlipPending = false
        // Only with PRIKBORD_DEBUG: the VM test waits for these to know a
        // frame is on screen before it takes a screenshot.
        Log.debug("frame shown", ["drm.flip.usec": "\(microseconds)"])
        onFlipComplete?(microseconds)
    }

    /// A copy of what the panel shows now (panel orientation), for tests:
    /// the buffer the CRTC scans out, turned as the plane turns it.
    public func scanoutSnapshot() -> Surface {
        // A queued flip swapped the chain's buffers already.
        let front = chain.buffers[isFlipPending ? chain.backIndex : chain.frontIndex]
        let snapshot = Surface(width: front.width, height: front.height)
        snapshot.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let target = PanelMemory(
                base: base, width: snapshot.width, height: snapshot.height,
                stride: snapshot.stride, format: .xrgb8888)
            front.withSurface { scanned in
                let turn = turnsInHardware ? Rotation.half : .none
                PanelCopy.copy([scanned.bounds], from: scanned, to: target, rotation: turn)
            }
        }
        return snapshot
    }
}
