import FoundationEssentials
import Glibc
import PrikbordDisplay
import PrikbordGraphics
import PrikbordInput
import PrikbordKiosk
import PrikbordLog

/// One kiosk process, measured: it opens the synced store, draws its first
/// frame, then flings the news list up and down and taps through the screens.
///
/// The headless display buffers frames as DRM does (two panel buffers, the
/// kiosk drawing into the back one after it caught up with the front one),
/// so copies are those of a kiosk on a card. Its panel buffers are process
/// memory, though, where a card's are not, so the peak is also printed
/// without them.
@MainActor
enum KioskBench {
    static let frameMicros: UInt64 = 16_667

    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 5, let width = Int(arguments[2]), let height = Int(arguments[3]),
            let spawned = UInt64(arguments[4])
        else { return 2 }
        var config = KioskConfig()
        config.dataDirectory = URL(fileURLWithPath: arguments[0])
        config.assets = URL(fileURLWithPath: arguments[1])
        config.fixedNow = benchNow
        do {
            var stages = [("process start", residentMegabytes())]
            let inMain = MonotonicClock.now()
            let display = HeadlessDisplay(width: width, height: height)
            // The kiosk's own start-up line says where the time went.
            Log.quiet = false
            let kiosk = try Kiosk(config: config, width: width, height: height)
            Log.quiet = true
            let opened = MonotonicClock.now()
            stages.append(("kiosk open", residentMegabytes()))
            try display.drawFrame { kiosk.draw(on: $0) }
            let textFrame = MonotonicClock.now()
            // Complete: with the photos, which are decoded off the UI thread
            // while the first frame is drawn.
            kiosk.settlePictures()
            try display.drawFrame { kiosk.draw(on: $0) }
            let firstFrame = Double(MonotonicClock.now() - spawned) / 1000
            say(
                "  of which: exec to main \(fixed(Double(inMain - spawned) / 1000)) ms, "
                    + "store + fonts + screens \(fixed(Double(opened - inMain) / 1000)) ms, "
                    + "draw \(fixed(Double(textFrame - opened) / 1000)) ms, "
                    + "photos in \(fixed(Double(MonotonicClock.now() - textFrame) / 1000)) ms")
            stages.append(("first frame", residentMegabytes()))
            say("  start to first complete frame: \(fixed(firstFrame)) ms (target ≤ 100)")

            // The run loop prepares the other screens while nothing happens.
            while kiosk.prepareIdle() {}
            stages.append(("screens prepared", residentMegabytes()))
            try fling(kiosk, display, width: width, height: height)
            stages.append(("after flings", residentMegabytes()))
            try taps(kiosk, display, width: width, height: height)
            stages.append(("after every screen", residentMegabytes()))
            say("  resident memory (own + files; highest so far):")
            for (stage, memory) in stages {
                let padded = stage + String(repeating: " ", count: max(0, 20 - stage.count))
                say(
                    "    \(padded) \(fixed(memory.anonymous, width: 5)) + "
                        + "\(fixed(memory.file, width: 5)) MB; \(fixed(memory.peak, width: 5)) MB")
            }

            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let peak = Double(usage.ru_maxrss) / 1024
            let buffers = Double(display.panelBufferBytes) / 1_048_576
            say("  peak RSS, headless:             \(fixed(peak)) MB")
            say(
                "  peak RSS as on a DRM card:      \(fixed(peak - buffers)) MB (target ≤ 40), "
                    + "without the \(fixed(buffers)) MB of panel buffers a card keeps")
            kiosk.close()
            return 0
        } catch {
            say("kiosk bench failed: \(error)")
            return 1
        }
    }

    /// The resident set now, from /proc/self/status: the process's own
    /// memory (anonymous) and the pages of its program, libraries and fonts
    /// (file), with the highest resident set so far.
    static func residentMegabytes() -> (anonymous: Double, file: Double, peak: Double) {
        guard let bytes = FileManager.default.contents(atPath: "/proc/self/status") else {
            return (0, 0, 0)
        }
        let status = String(decoding: bytes, as: UTF8.self)
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
                let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
            else { return 0 }
            return kilobytes / 1024
        }
        return (field("RssAnon:"), field("RssFile:") + field("RssShmem:"), field("VmHWM:"))
    }

    /// Flings the news list ten times, alternately up and down, and times
    /// every frame from the tick to the finished present.
    static func fling(_ kiosk: Kiosk, _ display: HeadlessDisplay, width: Int, height: Int) throws {
        var frameTimes: [Double] = []
        var pixels: [Double] = []
        var copied: [Double] = []
        var clock: UInt64 = 1_000_000
        let x = Double(width) / 2
        let low = Double(height) * 0.75
        let high = Double(height) * 0.3
        for round in 0..<10 {
            let (from, to) = round % 2 == 0 ? (low, high) : (high, low)
            var events: [InputEvent] = [
                .touchDown(slot: 0, x: x, y: from, time: clock), .touchFrame(time: clock),
            ]
            for step in 1...8 {
                let t = clock + UInt64(step) * 10_000
                let y = from + (to - from) * Double(step) / 8
                events += [.touchMotion(slot: 0, x: x, y: y, time: t), .touchFrame(time: t)]
            }
            let upTime = clock + 90_000
            events += [.touchUp(slot: 0, time: upTime), .touchFrame(time: upTime)]
            for event in events { kiosk.handle(event) }
            try display.drawFrame { kiosk.draw(on: $0) }
            clock = upTime
            var frames = 0
            while kiosk.isAnimating && frames < 600 {
                clock += frameMicros
                let start = MonotonicClock.now()
                // As the run loop does when the decoder's pipe is readable.
                kiosk.picturesArrived()
                kiosk.tick(now: clock)
                var damage: [Rect] = []
                try display.drawFrame { surface in
                    damage = kiosk.draw(on: surface)
                    return damage
                }
                frameTimes.append(Double(MonotonicClock.now() - start) / 1000)
                pixels.append(Double(damage.reduce(0) { $0 + $1.width * $1.height }))
                copied.append(Double(display.lastCopiedPixels))
                frames += 1
            }
            clock += 200_000
        }
        say(
            "  fling frame time p50 / p99:     \(fixed(percentile(frameTimes, 0.5), 2)) / "
                + "\(fixed(percentile(frameTimes, 0.99), 2)) ms over \(frameTimes.count) frames "
                + "(target p99 ≤ 4)")
        let painted = percentile(pixels, 0.5)
        say(
            "  pixels painted per fling frame: \(fixed(painted, 0)) "
                + "(\(fixed(100 * painted / Double(width * height), 0))% of the screen), p50")
        let how = display.drawsIntoBackBuffer ? "back buffer catching up" : "shadow to buffer"
        say(
            "  pixels the display copied:     \(fixed(percentile(copied, 0.5), 0)) "
                + "per fling frame, p50 (\(how))")
    }

    /// Taps each navigation tab and times from the touch-up to the
    /// presented frame that shows the new screen.
    static func taps(_ kiosk: Kiosk, _ display: HeadlessDisplay, width: Int, height: Int) throws {
        var latencies: [Double] = []
        var clock: UInt64 = 100_000_000
        let count = kiosk.screenIDs.count
        for round in 0..<(count * 3) {
            let index = (round + 1) % count
            let center = kiosk.tabCenter(index)
            let point = (Double(center.x), Double(center.y))
            kiosk.handle(.touchDown(slot: 0, x: point.0, y: point.1, time: clock))
            kiosk.handle(.touchFrame(time: clock))
            try display.drawFrame { kiosk.draw(on: $0) }
            clock += 60_000
            let start = MonotonicClock.now()
            kiosk.handle(.touchUp(slot: 0, time: clock))
            kiosk.handle(.touchFrame(time: clock))
            try display.drawFrame { kiosk.draw(on: $0) }
            latencies.append(Double(MonotonicClock.now() - start) / 1000)
            clock += 500_000
        }
        say(
            "  tap to presented frame p50/max: \(fixed(percentile(latencies, 0.5), 2)) / "
                + "\(fixed(latencies.max() ?? 0, 2)) ms (one frame = 16.7 ms)")
    }
}
