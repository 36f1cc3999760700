import Foundation
import PrikbordKiosk
import Testing

@MainActor
struct KioskMainTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-main-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func unreachableServerAndEmptyStoreFailWithoutPictures() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shots = folder.appendingPathComponent("shots")
        // Port 9 (discard) on loopback: nothing listens there.
        let status = KioskMain.run(arguments: [
            "--server", "http://127.0.0.1:9", "--data", folder.appendingPathComponent("kiosk").path,
            "--display", "headless", "--screenshots", shots.path,
            "--assets", DemoKiosk.assets.path,
        ])
        #expect(status != 0)
        #expect(!FileManager.default.fileExists(atPath: shots.appendingPathComponent("news.png").path))
    }

    @Test func storedContentIsShownWhenTheServerIsGone() throws {
        let demo = try DemoKiosk()
        var config = demo.config()
        #expect(KioskSync.once(config: config))
        demo.server.stop()
        config.screenshots = demo.folder.appendingPathComponent("shots")
        let status = KioskMain.run(arguments: [
            "--server", config.server.absoluteString, "--data", config.dataDirectory.path,
            "--display", "headless", "--screenshots", config.screenshots!.path,
            "--assets", DemoKiosk.assets.path, "--now", "2026-12-03T07:30:00Z",
        ])
        #expect(status == 0)
        for id in ["news", "directory", "agenda", "onboarding"] {
            #expect(FileManager.default.fileExists(atPath: config.screenshots!.appendingPathComponent("\(id).png").path))
        }
    }

    @Test(arguments: [
        ["--size", "12x12"], ["--rotation", "45"], ["--display", "vga"], ["--server", "ftp://x"],
        ["--sleep", "late"], ["--frobnicate"], ["--data"],
    ])
    func badOptionsAreRefusedWithAMessage(arguments: [String]) {
        #expect(throws: KioskConfig.ArgumentError.self) { try KioskConfig.parse(arguments) }
    }
}
