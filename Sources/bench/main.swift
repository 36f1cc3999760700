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

/// Writes a line at once, so the measured child's lines and ours stay in order.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The fixed clock of the grown content; bench-kiosk uses the same one.
let benchNow = try! Date("2026-12-03T07:30:00Z", strategy: .iso8601)

exit(Preparation.run())
