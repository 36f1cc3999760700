import FoundationEssentials

extension String {
    /// Calls `body` with the text as UTF-16 code units and their count, the
    /// way ICU takes text.
    func withICUText<Result>(_ body: (UnsafePointer<UInt16>, Int32) -> Result) -> Result {
        var units = Array(utf16)
        let count = Int32(units.count)
        // A terminating zero, so that even an empty text has an address.
        units.append(0)
        return units.withUnsafeBufferPointer { body($0.baseAddress!, count) }
    }
}

/// Something ICU writes into a buffer: `fill` gets the buffer, its capacity
/// and the status to set, and returns the whole length of what it would
/// write, which may be more than fitted.
typealias ICUFill<Unit> = (UnsafeMutablePointer<Unit>, Int32, UnsafeMutablePointer<Int32>) -> Int32

/// Reads what an ICU call writes, again into a buffer of the right size when
/// the first one was too small. Returns nothing (and the status) when the
/// call failed.
func readICU<Unit>(_ unit: Unit.Type, _ fill: ICUFill<Unit>) -> (units: [Unit], status: Int32) {
    let first = readICU(unit, capacity: 64, fill)
    guard first.length > 64 else { return (first.units, first.status) }
    let second = readICU(unit, capacity: first.length, fill)
    return (second.units, second.status)
}

private func readICU<Unit>(_: Unit.Type, capacity: Int, _ fill: ICUFill<Unit>)
    -> (units: [Unit], length: Int, status: Int32)
{
    var status: Int32 = 0
    var length = 0
    let units = [Unit](unsafeUninitializedCapacity: capacity) { buffer, count in
        length = Int(fill(buffer.baseAddress!, Int32(capacity), &status))
        count = status > 0 ? 0 : min(max(length, 0), capacity)
    }
    return (units, length, status)
}

/// Reads the UTF-16 text an ICU call writes.
func readICUText(_ fill: ICUFill<UInt16>) -> (text: String, status: Int32) {
    let (units, status) = readICU(UInt16.self, fill)
    return (String(decoding: units, as: UTF16.self), status)
}

extension Date {
    /// The moment as ICU's UDate: milliseconds since 1970 UTC.
    var udate: Double { timeIntervalSince1970 * 1000 }

    init(udate: Double) {
        self.init(timeIntervalSince1970: udate / 1000)
    }
}
