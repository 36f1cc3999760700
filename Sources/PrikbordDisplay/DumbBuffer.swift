import CDRM

#if canImport(Glibc)
    import Glibc
#endif

/// One XRGB8888 dumb buffer: its GEM handle, its framebuffer id and its
/// mapping, all released in `deinit`. It starts out black.
final class DumbBuffer: PanelBuffer {
    let fd: Int32
    let width: Int
    let height: Int
    let handle: UInt32
    let pitch: Int
    let size: Int
    let framebufferID: UInt32
    private let memory: UnsafeMutableRawPointer

    init(fd: Int32, width: Int, height: Int, subject: String) throws(DisplayError) {
        var handle: UInt32 = 0
        var pitch: UInt32 = 0
        var size: UInt64 = 0
        try systemCall("drmModeCreateDumbBuffer", on: subject) {
            drmModeCreateDumbBuffer(
                fd, UInt32(width), UInt32(height), 32, 0, &handle, &pitch, &size
            )
        }
        var framebuffer: UInt32 = 0
        var offset: UInt64 = 0
        let memory: UnsafeMutableRawPointer
        do {
            // depth 24, 32 bits per pixel: the legacy spelling of XRGB8888.
            try systemCall("drmModeAddFB", on: subject) {
                drmModeAddFB(
                    fd, UInt32(width), UInt32(height), 24, 32, pitch, handle, &framebuffer
                )
            }
            try systemCall("drmModeMapDumbBuffer", on: subject) {
                drmModeMapDumbBuffer(fd, handle, &offset)
            }
            memory = try mapShared(
                length: Int(size), fd: fd, offset: Int(offset), subject: subject
            )
        } catch {
            if framebuffer != 0 { drmModeRmFB(fd, framebuffer) }
            drmModeDestroyDumbBuffer(fd, handle)
            throw error
        }
        self.fd = fd
        self.width = width
        self.height = height
        self.handle = handle
        self.pitch = Int(pitch)
        self.size = Int(size)
        self.framebufferID = framebuffer
        self.memory = memory
        // Not every driver clears a new buffer; both of a pair must be alike.
        memset(memory, 0, Int(size))
    }

    deinit {
        munmap(memory, size)
        drmModeRmFB(fd, framebufferID)
        drmModeDestroyDumbBuffer(fd, handle)
    }

    func withPanelMemory<R>(_ body: (PanelMemory) throws -> R) rethrows -> R {
        try body(
            PanelMemory(
                base: memory, width: width, height: height, stride: pitch,
                format: .xrgb8888)
        )
    }
}
