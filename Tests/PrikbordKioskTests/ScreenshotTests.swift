import Foundation
import PrikbordGraphics
import PrikbordInput
import PrikbordKiosk
import Testing

/// Every screen, synced from the real server and drawn by the real
/// pipeline, compared as a picture with the committed reference.
///
/// To accept a deliberate change of look, run the tests with
/// `PRIKBORD_UPDATE_REFERENCES=1` and look at the new pictures before
/// committing them.
@MainActor
@Suite(.serialized)
struct ScreenshotTests {
    static let references = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("References")

    nonisolated static let orientations = [("portrait", 1080, 1920), ("landscape", 1920, 1080)]

    @Test(arguments: orientations)
    func screensMatchReferences(orientation: (String, Int, Int)) throws {
        let (name, width, height) = orientation
        let demo = try DemoKiosk()
        let config = demo.config(width: width, height: height)
        #expect(KioskSync.once(config: config))
        let kiosk = try Kiosk(config: config, width: width, height: height)
        defer { kiosk.close() }

        for id in kiosk.screenIDs {
            kiosk.show(screenID: id)
            try compare(kiosk.frame, with: "\(id)-\(name).png")
        }
    }

    private func compare(_ frame: Surface, with file: String) throws {
        let url = Self.references.appendingPathComponent(file)
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(file)")
        try frame.writePNG(to: actual.path)
        if ProcessInfo.processInfo.environment["PRIKBORD_UPDATE_REFERENCES"] != nil {
            try frame.writePNG(to: url.path)
            return
        }
        let reference = try Surface.readPNG(at: url.path)
        #expect(reference.width == frame.width && reference.height == frame.height)
        let difference = comparePictures(reference, frame, channelTolerance: 24)
        // Anti-aliasing may differ by a hair between library builds; layout may not.
        #expect(
            difference.differingPixels <= difference.total / 500,
            "\(file): \(difference.differingPixels) of \(difference.total) pixels differ; see \(actual.path)"
        )
    }

    @Test func replayedTapSwitchesTheScreen() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        #expect(kiosk.activeScreenID == "news")

        // The second tab of the bottom bar: the directory.
        let script = try ScriptedInput.parse("0 tap 405 1830\n")
        kiosk.replay(script)
        #expect(kiosk.activeScreenID == "directory")

        let news = try ScriptedInput.parse("0 tap 135 1830\n")
        kiosk.replay(news)
        #expect(kiosk.activeScreenID == "news")
    }

    @Test func slowTapOnATabStillOpensIt() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        // Held for 800 ms: a long press, which on a tab is a slow tap.
        kiosk.replay(try ScriptedInput.parse("0 longpress 675 1830 800\n"))
        #expect(kiosk.activeScreenID == "agenda")
    }

    @Test func tapOpensALongPostAndASecondTapClosesIt() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        let closed = try kiosk.frame.pngData()

        // The body of the first (pinned, long) notice.
        kiosk.replay(try ScriptedInput.parse("0 tap 540 700\n"))
        let opened = try kiosk.frame.pngData()
        #expect(opened != closed)

        kiosk.replay(try ScriptedInput.parse("0 tap 540 700\n"))
        #expect(try kiosk.frame.pngData() == closed)
    }

    @Test func replayedDragScrollsTheNews() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        let before = try kiosk.frame.pngData()

        kiosk.replay(try ScriptedInput.parse("0 drag 540 1400 540 700 250\n"))
        #expect(kiosk.scrollOffset > 300)
        #expect(try kiosk.frame.pngData() != before)
        #expect(kiosk.activeScreenID == "news")
    }
}
