import FoundationEssentials
import Glibc
import PrikbordLog

// The kiosk process that `bench` measures (see Sources/bench): it links
// what `prikbord` links and nothing more.
//
//   bench-kiosk DATA ASSETS WIDTH HEIGHT SPAWNED_MICROS

Log.quiet = true

/// Writes a line at once, so this process's lines and the preparer's stay in order.
func say(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
}

/// `value` with `digits` decimals, padded on the left to `width`.
func fixed(_ value: Double, _ digits: Int = 1, width: Int = 0) -> String {
    let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
    let scaled = (abs(value) * scale).rounded()
    var text = String(Int(scaled / scale))
    if digits > 0 {
        let fraction = String(Int(scaled.truncatingRemainder(dividingBy: scale)))
        text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    if value < 0 && scaled > 0 { text = "-" + text }
    return String(repeating: " ", count: max(0, width - text.count)) + text
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
    return sorted[index]
}

/// The bench's fixed clock, 2026-12-03T07:30:00Z.
let benchNow = Date(timeIntervalSince1970: 1_796_283_000)

exit(MainActor.assumeIsolated { KioskBench.run(Array(CommandLine.arguments.dropFirst())) })
