import CInput
import Glibc
import PrikbordLog

/// Touch, pointer and keyboard input from libinput, as `InputEvent`s in
/// logical screen coordinates.
///
/// The kiosk polls `fileDescriptor` (and `seatFileDescriptor`, when there is
/// a seat) and calls `dispatch()` when either is readable, on the UI thread.
///
/// Two back ends:
/// - `init(geometry:)` / `init(geometry:seat:)`: every input device of the
///   seat, found by udev and picked up or let go as it comes and goes. With a
///   `Seat`, seatd or logind hands the devices to an unprivileged kiosk;
///   without one they are opened directly, which needs permission on
///   `/dev/input`.
/// - `init(devicePaths:geometry:)`: exactly the given evdev nodes, for tests
///   and VMs driving a uinput device.
public final class LibinputSource {
    /// How touch maps to the screen; change it when the rotation changes.
    public var geometry: InputGeometry
    /// The seat was switched away: stop using DRM (drop master) now. Input is
    /// already suspended; the seat is told we let go when this returns.
    public var onSeatDisabled: (() -> Void)?
    /// The seat is back: take DRM master again and redraw. Input has resumed.
    public var onSeatEnabled: (() -> Void)?

    let context: OpaquePointer
    private let udev: OpaquePointer?
    private let interface: UnsafeMutablePointer<libinput_interface>
    private let opener: DeviceOpener
    private let seat: Seat?
    let keymap: Keymap?
    /// A held key, repeated as keyboards do; libinput only says down and up.
    var keyRepeat = KeyRepeat()

    var touches = ActiveTouches()
    var deviceNames: [ActiveTouches.Device: String] = [:]
    /// Where the mouse is, in logical pixels; it starts in the middle.
    var pointer: (x: Double, y: Double)
    /// The device whose left button is down, playing a finger.
    var pointerPressedOn: ActiveTouches.Device?

    /// Every input device of the seat, through the seat when one can be had.
    public convenience init(geometry: InputGeometry, keyboardLayout: String? = nil) throws {
        try self.init(
            geometry: geometry, seat: Seat.openIfAvailable(), keyboardLayout: keyboardLayout
        )
    }

    /// Every input device of `seat` (or of `seat0`, opened directly, when nil).
    public init(geometry: InputGeometry, seat: Seat?, keyboardLayout: String? = nil) throws {
        guard let udev = udev_new() else { throw InputError(call: "udev_new") }
        let opener = DeviceOpener(seat: seat)
        let interface = DeviceOpener.makeInterface()
        guard
            let context = libinput_udev_create_context(
                interface, Unmanaged.passUnretained(opener).toOpaque(), udev
            )
        else {
            interface.deallocate()
            udev_unref(udev)
            throw InputError(call: "libinput_udev_create_context")
        }

        self.geometry = geometry
        self.context = context
        self.udev = udev
        self.interface = interface
        self.opener = opener
        self.seat = seat
        self.keymap = Self.makeKeymap(layout: keyboardLayout)
        self.pointer = (Double(geometry.logicalWidth) / 2, Double(geometry.logicalHeight) / 2)
        routeLogs()

        let seatName = seat?.name ?? "seat0"
        if libinput_udev_assign_seat(context, seatName) != 0 {
            throw InputError(call: "libinput_udev_assign_seat", subject: seatName)
        }
        Log.info(
            "input started",
            [
                "input.backend": "udev", "input.seat": seatName,
                "input.opener": seat == nil ? "direct" : "libseat",
            ])
    }

    /// Exactly the evdev nodes in `devicePaths`, opened directly.
    public init(
        devicePaths: [String], geometry: InputGeometry, keyboardLayout: String? = nil
    ) throws {
        let opener = DeviceOpener(seat: nil)
        let interface = DeviceOpener.makeInterface()
        guard
            let context = libinput_path_create_context(
                interface, Unmanaged.passUnretained(opener).toOpaque()
            )
        else {
            interface.deallocate()
            throw InputError(call: "libinput_path_create_context")
        }

        self.geometry = geometry
        self.context = context
        self.udev = nil
        self.interface = interface
        self.opener = opener
        self.seat = nil
        self.keymap = Self.makeKeymap(layout: keyboardLayout)
        self.pointer = (Double(geometry.logicalWidth) / 2, Double(geometry.logicalHeight) / 2)
        routeLogs()

        for path in devicePaths { try addDevice(path: path) }
        Log.info(
            "input started",
            [
                "input.backend": "path", "input.devices": "\(devicePaths.count)",
            ])
    }

    deinit {
        // Closes every device through the opener, which is still alive here.
        libinput_unref(context)
        if let udev { udev_unref(udev) }
        interface.deallocate()
    }

    /// Readable when libinput has events.
    public var fileDescriptor: Int32 { libinput_get_fd(context) }

    /// Readable when the seat has something to say; nil without a seat.
    public var seatFileDescriptor: Int32? { seat?.fileDescriptor }

    /// Adds an evdev node to a source made with `init(devicePaths:geometry:)`.
    public func addDevice(path: String) throws {
        guard udev == nil else {
            throw InputError(call: "libinput_path_add_device", errno: EINVAL, subject: path)
        }
        // libinput only says "invalid path" of a node that is not there.
        var status = stat()
        try retryingEINTR("stat", subject: path) { stat(path, &status) }

        guard libinput_path_add_device(context, path) != nil else {
            let cause = opener.lastFailure
            throw InputError(
                call: "libinput_path_add_device", errno: cause?.errno ?? ENODEV, subject: path
            )
        }
    }

    /// Everything that happened since the last call, without blocking.
    public func dispatch() -> [InputEvent] {
        handleSeatChanges() + drainEvents()
    }

    /// When a held key repeats next (CLOCK_MONOTONIC microseconds), for the
    /// run loop's timeout.
    public var repeatDeadline: UInt64? { keyRepeat.deadline }

    /// The repeats of a held key that are due by `now`.
    public func dueRepeats(at now: UInt64) -> [InputEvent] {
        keyRepeat.due(at: now)
    }

    /// Seat switched away: suspend input (devices removed, touches cancelled),
    /// let the kiosk drop DRM master, then acknowledge. Back: the reverse.
    private func handleSeatChanges() -> [InputEvent] {
        guard let seat else { return [] }
        var events: [InputEvent] = []
        for change in seat.dispatch() {
            switch change {
            case .disabled:
                libinput_suspend(context)
                events += drainEvents()
                onSeatDisabled?()
                seat.acknowledgeDisable()
                Log.info("seat disabled; input suspended", ["input.seat": seat.name])
            case .enabled:
                if libinput_resume(context) != 0 {
                    Log.warning("input did not resume", ["input.seat": seat.name])
                }
                onSeatEnabled?()
                Log.info("seat enabled; input resumed", ["input.seat": seat.name])
            }
        }
        return events
    }

    private func drainEvents() -> [InputEvent] {
        var events: [InputEvent] = []
        let result = libinput_dispatch(context)
        if result < 0 {
            Log.warning("libinput dispatch failed", ["input.errno": "\(-result)"])
        }
        while let event = libinput_get_event(context) {
            events += translate(event)
            libinput_event_destroy(event)
        }
        return events
    }

    private static func makeKeymap(layout: String?) -> Keymap? {
        do {
            return try Keymap(layout: layout)
        } catch {
            Log.warning(
                "no keyboard layout; keys arrive without text",
                [
                    "input.layout": layout ?? "default", "input.error": "\(error)",
                ])
            return nil
        }
    }

    private func routeLogs() {
        libinput_log_set_priority(context, LIBINPUT_LOG_PRIORITY_ERROR)
        libinput_log_set_handler(context) { _, priority, format, arguments in
            guard let format, let arguments else { return }
            let message = formatLibraryMessage(format, arguments)
            Log.warning("libinput: \(message)", ["input.priority": "\(priority.rawValue)"])
        }
    }
}
