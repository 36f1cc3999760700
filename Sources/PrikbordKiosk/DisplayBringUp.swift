import FoundationEssentials
import Glibc
import PrikbordDisplay
import PrikbordInput
import PrikbordLog

/// Finds the screen to draw on: a DRM card handed over by the seat, one
/// opened directly, the framebuffer, or a headless buffer.
///
/// A kiosk told to use DRM waits for a card instead of giving up, because
/// at boot the GPU driver may load after the kiosk starts.
@MainActor
enum DisplayBringUp {
    /// A card the seat opened for us; closed through the seat at exit.
    final class SeatDevice {
        let seat: Seat
        let fd: Int32
        let id: Int32

        init(seat: Seat, fd: Int32, id: Int32) {
            self.seat = seat
            self.fd = fd
            self.id = id
        }

        deinit { seat.closeDevice(fd: fd, id: id) }
    }

    static let waitLogInterval: TimeInterval = 10

    /// SIGTERM or SIGINT came while no card had appeared yet.
    struct StoppedWaiting: Error {}

    static func open(config: KioskConfig, seat: Seat?) throws -> (Display, SeatDevice?) {
        let rotation = Rotation(rawValue: config.rotation) ?? .none
        switch config.display {
        case .headless:
            return (
                try openDisplay(
                    .headless, headlessWidth: config.width, headlessHeight: config.height,
                    rotation: rotation), nil
            )
        case .fbdev:
            return (
                try openDisplay(
                    .fbdev(config.devicePath), headlessWidth: config.width,
                    headlessHeight: config.height, rotation: rotation), nil
            )
        case .drm:
            var lastLog = Date.distantPast
            while !StopSignal.isRequested {
                if let opened = try? openDRM(config: config, seat: seat, rotation: rotation) {
                    return opened
                }
                if Date().timeIntervalSince(lastLog) >= waitLogInterval {
                    Log.info(
                        "waiting for a DRM card with a connected screen",
                        ["drm.device": config.devicePath ?? "/dev/dri/card*"])
                    lastLog = Date()
                }
                seat?.serviceWithoutDevices()
                usleep(500_000)
            }
            throw StoppedWaiting()
        case .automatic:
            if let opened = try? openDRM(config: config, seat: seat, rotation: rotation) {
                return opened
            }
            return (
                try openDisplay(
                    .automatic, headlessWidth: config.width, headlessHeight: config.height,
                    rotation: rotation), nil
            )
        }
    }

    /// Tries every card (or the one configured), through the seat when
    /// there is one so the kiosk needs no root.
    private static func openDRM(config: KioskConfig, seat: Seat?, rotation: Rotation) throws -> (
        Display, SeatDevice?
    ) {
        guard let seat else {
            return (try DRMDisplay(path: config.devicePath, rotation: rotation), nil)
        }
        var reasons: [String] = []
        for path in config.devicePath.map({ [$0] }) ?? DRMProbe.cardPaths() {
            do {
                let (fd, id) = try seat.openDevice(path: path)
                let device = SeatDevice(seat: seat, fd: fd, id: id)
                do {
                    return (try DRMDisplay(adopting: fd, path: path, rotation: rotation), device)
                } catch {
                    reasons.append("\(path): \(error)")
                }
            } catch {
                reasons.append("\(path): \(error)")
            }
        }
        throw DisplayError.noDevice(
            reasons.isEmpty ? "no /dev/dri/card*" : reasons.joined(separator: "; "))
    }

    /// Whether a seat is worth asking for: only where a card exists or DRM
    /// was asked for, so a development machine's console is left alone.
    static func wantsSeat(config: KioskConfig) -> Bool {
        switch config.display {
        case .headless, .fbdev: false
        case .drm: true
        case .automatic: !DRMProbe.cardPaths().isEmpty
        }
    }
}
