import CInput
import PrikbordLog

/// Hears udev's "change" events for DRM cards: a monitor switched off and
/// on again, or a cable pulled and plugged back.
///
/// Owns the udev context and its monitor; the run loop polls
/// ``fileDescriptor`` and calls ``drainEvents()`` when it is readable.
final class HotplugMonitor {
    private let udev: OpaquePointer
    private let monitor: OpaquePointer

    init?() {
        guard let udev = udev_new() else { return nil }
        guard let monitor = udev_monitor_new_from_netlink(udev, "udev") else {
            udev_unref(udev)
            return nil
        }
        udev_monitor_filter_add_match_subsystem_devtype(monitor, "drm", nil)
        guard udev_monitor_enable_receiving(monitor) >= 0 else {
            udev_monitor_unref(monitor)
            udev_unref(udev)
            return nil
        }
        self.udev = udev
        self.monitor = monitor
    }

    deinit {
        udev_monitor_unref(monitor)
        udev_unref(udev)
    }

    var fileDescriptor: Int32 { udev_monitor_get_fd(monitor) }

    /// Reads every queued event; true when one may mean a connector changed.
    func drainEvents() -> Bool {
        var changed = false
        while let device = udev_monitor_receive_device(monitor) {
            defer { udev_device_unref(device) }
            let action = udev_device_get_action(device).map { String(cString: $0) } ?? ""
            if action == "change" || udev_device_get_property_value(device, "HOTPLUG") != nil {
                changed = true
            }
        }
        return changed
    }
}
