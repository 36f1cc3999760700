import CInput
import PrikbordLog

/// The left mouse button, `BTN_LEFT` in linux/input-event-codes.h.
private let leftButton: UInt32 = 0x110

extension LibinputSource {
    /// One libinput event as ours; device changes and mouse buttons can
    /// become several.
    func translate(_ event: OpaquePointer) -> [InputEvent] {
        let type = libinput_event_get_type(event)
        let device = ActiveTouches.Device(bitPattern: libinput_event_get_device(event))
        switch type {
        case LIBINPUT_EVENT_DEVICE_ADDED:
            return [deviceAdded(libinput_event_get_device(event), id: device)]
        case LIBINPUT_EVENT_DEVICE_REMOVED:
            return deviceRemoved(device)
        case LIBINPUT_EVENT_TOUCH_DOWN, LIBINPUT_EVENT_TOUCH_MOTION, LIBINPUT_EVENT_TOUCH_UP,
            LIBINPUT_EVENT_TOUCH_CANCEL, LIBINPUT_EVENT_TOUCH_FRAME:
            return touch(libinput_event_get_touch_event(event), type, device: device)
        case LIBINPUT_EVENT_POINTER_MOTION, LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE,
            LIBINPUT_EVENT_POINTER_BUTTON:
            return pointer(libinput_event_get_pointer_event(event), type, device: device)
        case LIBINPUT_EVENT_KEYBOARD_KEY:
            return key(libinput_event_get_keyboard_event(event))
        default:
            // TODO: scroll wheels and touchpad gestures; a kiosk has neither yet.
            return []
        }
    }

    private func deviceAdded(_ handle: OpaquePointer?, id: ActiveTouches.Device) -> InputEvent {
        let name =
            handle.flatMap { libinput_device_get_name($0) }
            .map { String(cString: $0) } ?? "unnamed"
        deviceNames[id] = name
        let isTouch = handle.map { libinput_device_has_capability($0, LIBINPUT_DEVICE_CAP_TOUCH) }
        Log.info(
            "input device added",
            [
                "input.device": name, "input.touch": isTouch == 1 ? "yes" : "no",
            ])
        return .deviceAdded(name)
    }

    /// A vanished device's touches end as cancelled, so nothing it was
    /// touching gets tapped.
    private func deviceRemoved(_ id: ActiveTouches.Device) -> [InputEvent] {
        keyRepeat.cancel()
        let name = deviceNames.removeValue(forKey: id) ?? "unnamed"
        var slots = touches.removeDevice(id)
        if pointerPressedOn == id {
            pointerPressedOn = nil
            slots.append(InputEvent.pointerSlot)
        }
        Log.info(
            "input device removed",
            [
                "input.device": name, "input.cancelled": "\(slots.count)",
            ])

        let time = MonotonicClock.now()
        var events = slots.map { InputEvent.touchCancel(slot: $0, time: time) }
        if !events.isEmpty { events.append(.touchFrame(time: time)) }
        return events + [.deviceRemoved(name)]
    }

    private func touch(
        _ event: OpaquePointer?, _ type: libinput_event_type, device: ActiveTouches.Device
    ) -> [InputEvent] {
        guard let event else { return [] }
        let time = libinput_event_touch_get_time_usec(event)
        if type == LIBINPUT_EVENT_TOUCH_FRAME { return [.touchFrame(time: time)] }

        // Seat slots are unique across all touch devices of the seat.
        let slot = libinput_event_touch_get_seat_slot(event)
        if type != LIBINPUT_EVENT_TOUCH_MOTION {
            // How long the event waited for us; the VM test reads this.
            Log.debug(
                "touch",
                [
                    "input.event": type == LIBINPUT_EVENT_TOUCH_DOWN
                        ? "down" : type == LIBINPUT_EVENT_TOUCH_UP ? "up" : "cancel",
                    "input.lag.ms": "\((MonotonicClock.now() &- time) / 1000)",
                ])
        }
        switch type {
        case LIBINPUT_EVENT_TOUCH_DOWN, LIBINPUT_EVENT_TOUCH_MOTION:
            let point = geometry.map(
                normalizedX: libinput_event_touch_get_x_transformed(event, 1),
                normalizedY: libinput_event_touch_get_y_transformed(event, 1)
            )
            guard type == LIBINPUT_EVENT_TOUCH_DOWN else {
                return [.touchMotion(slot: slot, x: point.x, y: point.y, time: time)]
            }
            touches.began(slot, on: device)
            return [.touchDown(slot: slot, x: point.x, y: point.y, time: time)]
        case LIBINPUT_EVENT_TOUCH_UP:
            touches.ended(slot, on: device)
            return [.touchUp(slot: slot, time: time)]
        default:
            touches.ended(slot, on: device)
            return [.touchCancel(slot: slot, time: time)]
        }
    }

    /// A mouse plays one finger: the left button is the finger on the glass.
    private func pointer(
        _ event: OpaquePointer?, _ type: libinput_event_type, device: ActiveTouches.Device
    ) -> [InputEvent] {
        guard let event else { return [] }
        let time = libinput_event_pointer_get_time_usec(event)
        let slot = InputEvent.pointerSlot

        switch type {
        case LIBINPUT_EVENT_POINTER_BUTTON:
            guard libinput_event_pointer_get_button(event) == leftButton else { return [] }
            let pressed =
                libinput_event_pointer_get_button_state(event)
                == LIBINPUT_BUTTON_STATE_PRESSED
            if pressed {
                pointerPressedOn = device
                return [
                    .touchDown(slot: slot, x: pointer.x, y: pointer.y, time: time),
                    .touchFrame(time: time),
                ]
            }
            guard pointerPressedOn != nil else { return [] }
            pointerPressedOn = nil
            return [.touchUp(slot: slot, time: time), .touchFrame(time: time)]
        case LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE:
            pointer = geometry.map(
                normalizedX: libinput_event_pointer_get_absolute_x_transformed(event, 1),
                normalizedY: libinput_event_pointer_get_absolute_y_transformed(event, 1)
            )
        default:
            // Relative motion is already in the user's frame: no rotation.
            pointer = (
                min(
                    max(pointer.x + libinput_event_pointer_get_dx(event), 0),
                    Double(geometry.logicalWidth)),
                min(
                    max(pointer.y + libinput_event_pointer_get_dy(event), 0),
                    Double(geometry.logicalHeight))
            )
        }
        guard pointerPressedOn != nil else { return [] }
        return [
            .touchMotion(slot: slot, x: pointer.x, y: pointer.y, time: time),
            .touchFrame(time: time),
        ]
    }

    /// The key, then the text it types in the keyboard layout, if any.
    private func key(_ event: OpaquePointer?) -> [InputEvent] {
        guard let event else { return [] }
        let code = libinput_event_keyboard_get_key(event)
        let pressed = libinput_event_keyboard_get_key_state(event) == LIBINPUT_KEY_STATE_PRESSED
        let time = libinput_event_keyboard_get_time_usec(event)

        var events: [InputEvent] = [.key(code: code, pressed: pressed, time: time)]
        let text = keymap?.text(forKey: code, pressed: pressed)
        if let text { events.append(.text(text, time: time)) }
        keyRepeat.see(events[0], repeats: keymap?.repeats(key: code) ?? false, text: text)
        return events
    }
}
