/// The touch slots each device has down, so a device that vanishes mid-touch
/// can have its touches cancelled instead of left hanging (or tapping).
struct ActiveTouches {
    /// A device, by the address of its `libinput_device`, stable while it exists.
    typealias Device = UInt

    private var slots: [Device: Set<Int32>] = [:]

    mutating func began(_ slot: Int32, on device: Device) {
        slots[device, default: []].insert(slot)
    }

    mutating func ended(_ slot: Int32, on device: Device) {
        slots[device]?.remove(slot)
    }

    /// The slots still down on `device`, lowest first, now forgotten.
    mutating func removeDevice(_ device: Device) -> [Int32] {
        (slots.removeValue(forKey: device) ?? []).sorted()
    }
}
