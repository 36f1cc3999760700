import CSeat
import Glibc
import PrikbordLog

/// The seat the kiosk runs on, from seatd or logind through libseat: it hands
/// out input and DRM devices to an unprivileged process and takes them back
/// when the session is switched away.
///
/// One process has one `Seat`; the display opens its card through the same
/// one. Poll `fileDescriptor` and call `LibinputSource.dispatch()` (which
/// dispatches the seat it was given) when it is readable.
public final class Seat {
    /// What the seat told us since the last dispatch.
    enum Change { case enabled, disabled }

    /// Where the C callbacks leave what happened; owned by the `Seat`.
    final class Mailbox {
        var isActive = false
        var changes: [Change] = []
    }

    private let handle: OpaquePointer
    private let listener: UnsafeMutablePointer<libseat_seat_listener>
    private let mailbox: Mailbox

    /// Opens the seat, or nil (logged) when no seat daemon or logind session
    /// is there to hand out devices; callers then open devices directly.
    public static func openIfAvailable() -> Seat? {
        do {
            return try Seat()
        } catch {
            Log.info("no seat; opening input devices directly", ["seat.error": "\(error)"])
            return nil
        }
    }

    public init() throws(InputError) {
        Self.routeLogs()
        let mailbox = Mailbox()
        let listener = UnsafeMutablePointer<libseat_seat_listener>.allocate(capacity: 1)
        listener.initialize(
            to: libseat_seat_listener(
                enable_seat: { _, userdata in
                    let mailbox = Unmanaged<Mailbox>.fromOpaque(userdata!).takeUnretainedValue()
                    mailbox.isActive = true
                    mailbox.changes.append(.enabled)
                },
                disable_seat: { _, userdata in
                    let mailbox = Unmanaged<Mailbox>.fromOpaque(userdata!).takeUnretainedValue()
                    mailbox.isActive = false
                    mailbox.changes.append(.disabled)
                }
            ))
        // libseat keeps the listener and user data pointers for the seat's life.
        guard
            let handle = libseat_open_seat(
                listener, Unmanaged.passUnretained(mailbox).toOpaque()
            )
        else {
            let code = errno
            listener.deallocate()
            throw InputError(call: "libseat_open_seat", errno: code)
        }
        self.handle = handle
        self.listener = listener
        self.mailbox = mailbox
        waitUntilActive()
        Log.info("seat opened", ["seat.name": name, "seat.active": "\(isActive)"])
    }

    deinit {
        libseat_close_seat(handle)
        listener.deallocate()
    }

    /// The seat's name, e.g. `seat0`, which libinput's udev backend assigns.
    public var name: String {
        libseat_seat_name(handle).map { String(cString: $0) } ?? "seat0"
    }

    /// True while this session owns the seat's devices.
    public var isActive: Bool { mailbox.isActive }

    /// Readable when the seat has something to say.
    public var fileDescriptor: Int32 { libseat_get_fd(handle) }

    /// Opens a device node the seat controls, e.g. an evdev node or a DRM
    /// card; returns the descriptor and the id to close it with.
    public func openDevice(path: String) throws(InputError) -> (fd: Int32, id: Int32) {
        var fd: Int32 = -1
        let id = try retryingEINTR("libseat_open_device", subject: path) {
            libseat_open_device(handle, path, &fd)
        }
        return (fd, id)
    }

    /// Gives a device back to the seat and closes its descriptor.
    public func closeDevice(fd: Int32, id: Int32) {
        if libseat_close_device(handle, id) < 0 {
            Log.warning("seat would not take a device back", ["seat.device": "\(id)"])
        }
        close(fd)
    }

    /// Reads what the seat sent without blocking; the changes in order.
    func dispatch() -> [Change] {
        if libseat_dispatch(handle, 0) < 0 {
            Log.warning("seat dispatch failed", ["seat.errno": "\(errno)"])
        }
        defer { mailbox.changes.removeAll() }
        return mailbox.changes
    }

    /// Answers the seat while this session holds no devices (the kiosk
    /// waiting for a card): a switch away is acknowledged at once, so the
    /// VT switch it belongs to is not held up.
    public func serviceWithoutDevices() {
        for change in dispatch() where change == .disabled {
            acknowledgeDisable()
        }
    }

    /// Tells the seat we have let go of our devices, as it asked.
    func acknowledgeDisable() {
        if libseat_disable_seat(handle) < 0 {
            Log.warning("seat did not take the acknowledgement", ["seat.errno": "\(errno)"])
        }
    }

    /// seatd enables the seat in a message after opening it; give it a moment
    /// so devices can be opened right away.
    private func waitUntilActive() {
        for _ in 0..<20 where !mailbox.isActive {
            if libseat_dispatch(handle, 50) < 0 { break }
        }
        mailbox.changes.removeAll()
    }

    private static func routeLogs() {
        libseat_set_log_level(LIBSEAT_LOG_LEVEL_ERROR)
        libseat_set_log_handler { level, format, arguments in
            guard let format, let arguments else { return }
            let message = formatLibraryMessage(format, arguments)
            Log.warning("libseat: \(message)", ["seat.level": "\(level.rawValue)"])
        }
    }
}
