import Foundation
import PrikbordKiosk
import PrikbordLog
import PrikbordModel
import PrikbordServer
import PrikbordStore

// Prints the kiosk's figures: start-up to first frame, frame times while a
// fling scrolls the news, pixels painted per frame, input to presented
// frame, and peak memory, for portrait and landscape, with the demo content
// grown to 1,000 posts and 500 people.
//
//   bench                  prepare, then measure both orientations in
//                          bench-kiosk processes (built beside it)

Log.quiet = true
let arguments = Array(CommandLine.arguments.dropFirst())

/// Writes a line at once, so the measured child's lines and ours stay in order.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func monotonicMicros() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000 + UInt64(spec.tv_nsec) / 1000
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
    return sorted[index]
}

// Parsed without ISO8601DateFormatter, which would load Foundation's ICU
// into the measured kiosk process; the kiosk itself no longer needs it.
let benchNow = try! Date("2026-12-03T07:30:00Z", strategy: .iso8601)

exit(Preparation.run())
