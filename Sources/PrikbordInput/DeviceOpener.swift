import CInput
import Glibc
import PrikbordLog

/// Opens the device nodes libinput asks for: through the seat when there is
/// one, so an unprivileged kiosk gets them, else directly.
final class DeviceOpener {
    private let seat: Seat?
    /// Seat device ids by descriptor, to give each device back on close.
    private var seatDevices: [Int32: Int32] = [:]
    /// Why the last open failed, for errors about a device path.
    private(set) var lastFailure: InputError?

    init(seat: Seat?) {
        self.seat = seat
    }

    /// A descriptor, or a negative errno as libinput's `open_restricted` wants.
    func open(path: String, flags: Int32) -> Int32 {
        do {
            if let seat {
                let device = try seat.openDevice(path: path)
                seatDevices[device.fd] = device.id
                return device.fd
            }
            return try retryingEINTR("open", subject: path) {
                Glibc.open(path, flags | O_CLOEXEC)
            }
        } catch {
            lastFailure = error
            Log.warning(
                "cannot open input device",
                [
                    "input.device": path, "input.error": "\(error)",
                ])
            return -(error.errno ?? EIO)
        }
    }

    func close(fd: Int32) {
        if let seat, let id = seatDevices.removeValue(forKey: fd) {
            seat.closeDevice(fd: fd, id: id)
        } else {
            Glibc.close(fd)
        }
    }

    /// The callbacks libinput opens and closes devices through, calling the
    /// opener passed as the context's user data. libinput keeps the pointer,
    /// so the caller frees it only after the context is gone.
    static func makeInterface() -> UnsafeMutablePointer<libinput_interface> {
        let interface = UnsafeMutablePointer<libinput_interface>.allocate(capacity: 1)
        interface.initialize(
            to: libinput_interface(
                open_restricted: { path, flags, userdata in
                    guard let path, let userdata else { return -EINVAL }
                    let opener = Unmanaged<DeviceOpener>.fromOpaque(userdata).takeUnretainedValue()
                    return opener.open(path: String(cString: path), flags: flags)
                },
                close_restricted: { fd, userdata in
                    guard let userdata else { return }
                    Unmanaged<DeviceOpener>.fromOpaque(userdata).takeUnretainedValue().close(fd: fd)
                }
            ))
        return interface
    }
}
