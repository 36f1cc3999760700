import Foundation
import PrikbordDisplay
import PrikbordGraphics
import PrikbordLog

/// Drives a real display the way the kiosk does and checks what it scans out:
/// a modeset, page flips with damage, DPMS off and on, a seat pause and
/// resume. Writes the expected panel picture as `out/NAME.expected.ppm` and
/// asks the host for a screenshot `out/NAME.ppm` of each.
///
///     drm-probe [--fbdev] [--card PATH] [--rotation 0|90|180|270]
///               [--name NAME] [--flips N] [--share DIR]
@main
struct Probe {
    var useFramebuffer = false
    var card: String?
    var rotation = Rotation.none
    var name = "probe"
    var flips = 4
    var share = ProcessInfo.processInfo.environment["E2E_SHARE"] ?? "/mnt/share"
    var failures = 0

    static func main() {
        var probe = Probe()
        do {
            try probe.parse(Array(CommandLine.arguments.dropFirst()))
            try probe.run()
        } catch {
            report("FAIL \(error)")
            probe.failures += 1
        }
        report(probe.failures == 0 ? "PASS" : "FAIL with \(probe.failures) failure(s)")
        exit(probe.failures == 0 ? 0 : 1)
    }

    static func report(_ line: String) {
        // Unbuffered: the serial log must have every line even if we hang.
        FileHandle.standardOutput.write(Data("drm-probe: \(line)\n".utf8))
    }

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--fbdev": useFramebuffer = true
            case "--card": card = rest.popFirst()
            case "--name": name = rest.popFirst() ?? name
            case "--share": share = rest.popFirst() ?? share
            case "--flips": flips = rest.popFirst().flatMap { Int($0) } ?? flips
            case "--rotation":
                guard let value = rest.popFirst().flatMap({ Int($0) }).flatMap(Rotation.init)
                else { throw ProbeError("--rotation takes 0, 90, 180 or 270") }
                rotation = value
            default: throw ProbeError("unknown argument \(argument)")
            }
        }
    }

    mutating func run() throws {
        let display: Display =
            useFramebuffer
            ? try FBDevDisplay(rotation: rotation)
            : try DRMDisplay(path: card, rotation: rotation)
        Self.report("opened \(display.summary), logical \(display.width)x\(display.height)")
        let frame = Surface(width: display.width, height: display.height, color: .black)
        let clock = FlipClock()
        display.onFlipComplete = { clock.record($0) }

        TestPattern.draw(frame, step: 0)
        let started = Date()
        try display.present(frame, damage: [display.bounds])
        for step in 1...max(flips, 1) {
            try display.present(frame, damage: TestPattern.advance(frame, to: step))
            try waitForFlip(display)
        }
        let elapsed = Date().timeIntervalSince(started) * 1000
        Self.report(
            String(
                format: "%d presents in %.1f ms; %@", flips + 1, elapsed,
                clock.summary))
        check(clock.count == flips + 1, "flip completions \(clock.count), wanted \(flips + 1)")

        try verify(display, frame, shot: name)
        if let drm = display as? DRMDisplay {
            try powerCycle(drm)
            try pauseAndResume(drm, frame)
        }
    }

    /// Compares what the display scans out with the panel picture the frame
    /// should give, then asks the host for its screenshot.
    mutating func verify(_ display: Display, _ frame: Surface, shot: String) throws {
        let expected = HeadlessDisplay(
            width: display.width, height: display.height, rotation: rotation
        )
        try expected.present(frame, damage: [expected.bounds])
        let service = ScreenshotService(share: share)
        try PPM.write(expected.frame, to: service.outputPath("\(shot).expected.ppm"))

        if let drm = display as? DRMDisplay {
            let differing = differingPixels(drm.scanoutSnapshot(), expected.frame)
            Self.report("scan-out buffer vs expected \(shot): \(differing) pixels differ")
            check(differing == 0, "scan-out buffer differs from the frame")
        }
        check(service.capture(shot), "no screenshot \(shot) from the host")
        Self.report("screenshot \(shot) taken")
    }

    mutating func powerCycle(_ display: DRMDisplay) throws {
        try display.setPowered(false)
        usleep(200_000)
        try display.setPowered(true)
        Self.report("DPMS off and on again")
    }

    /// While paused a new picture is drawn and presented (and must not be
    /// shown); after resume an empty-damage present must show all of it.
    mutating func pauseAndResume(_ display: DRMDisplay, _ frame: Surface) throws {
        display.pause()
        TestPattern.draw(frame, step: 3)
        frame.fill(TestPattern.box(frame, step: 5), Color(hex: 0x000000))
        try display.present(frame, damage: [display.bounds])
        check(!display.isFlipPending, "a flip was queued while paused")

        try display.resume()
        try display.present(frame, damage: [])
        try display.present(frame, damage: [])
        try waitForFlip(display)
        try verify(display, frame, shot: "\(name)-resumed")
    }

    func waitForFlip(_ display: Display) throws {
        guard let drm = display as? DRMDisplay else { return }
        guard try drm.waitForFlip(timeoutMilliseconds: 2000) else {
            throw ProbeError("page flip did not complete within 2 s")
        }
    }

    mutating func check(_ condition: Bool, _ message: String) {
        guard !condition else { return }
        failures += 1
        Self.report("FAIL \(message)")
    }
}

/// Flip timestamps, for the interval between flips.
final class FlipClock {
    private(set) var stamps: [UInt64] = []
    var count: Int { stamps.count }

    func record(_ microseconds: UInt64) { stamps.append(microseconds) }

    var summary: String {
        guard stamps.count > 2 else { return "\(stamps.count) flip completions" }
        // The first completion is the modeset's; intervals between real flips.
        let flips = stamps.dropFirst()
        let span = Double(flips.last! - flips.first!) / Double(flips.count - 1) / 1000
        return String(format: "%d flip completions, %.2f ms apart", stamps.count, span)
    }
}

struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
