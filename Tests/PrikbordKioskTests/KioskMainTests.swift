import Foundation
import PrikbordKiosk
import PrikbordStore
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
        #expect(
            !FileManager.default.fileExists(atPath: shots.appendingPathComponent("news.png").path))
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
            #expect(
                FileManager.default.fileExists(
                    atPath: config.screenshots!.appendingPathComponent("\(id).png").path))
        }
    }

    @Test func damagedStoreIsMovedAsideAndRefilledBySync() throws {
        let demo = try DemoKiosk()
        let config = demo.config()
        try FileManager.default.createDirectory(
            at: config.dataDirectory, withIntermediateDirectories: true)
        let file = config.dataDirectory.appendingPathComponent("kiosk.sqlite")
        try Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: file)

        let shots = demo.folder.appendingPathComponent("shots")
        let status = KioskMain.run(arguments: [
            "--server", config.server.absoluteString, "--data", config.dataDirectory.path,
            "--display", "headless", "--screenshots", shots.path,
            "--assets", DemoKiosk.assets.path, "--now", "2026-12-03T07:30:00Z",
        ])
        #expect(status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: config.dataDirectory.path)
        #expect(names.contains { $0.hasPrefix("kiosk.sqlite.damaged-") })
        #expect(
            FileManager.default.fileExists(atPath: shots.appendingPathComponent("news.png").path))
    }

    /// The kiosk's connection keeps a small SQLite cache all day (the quick
    /// check at start would fill the default 2 MB); the sync agent's keeps
    /// SQLite's default.
    @Test func kioskStoreKeepsASmallCache() throws {
        let demo = try DemoKiosk()
        let directory = demo.config().dataDirectory
        func cacheSize(check: Bool) throws -> Int64? {
            let store = try KioskStore.open(in: directory, check: check)
            defer { store.close() }
            return try store.database.query("PRAGMA cache_size").first?.values.first?.integer
        }
        #expect(try cacheSize(check: true) == -256)
        #expect(try cacheSize(check: false) == -2000)
    }

    @Test func badInputScriptIsRefusedBeforeAnythingIsWritten() throws {
        let demo = try DemoKiosk()
        let config = demo.config()
        let script = demo.folder.appendingPathComponent("script.txt")
        try "0 tap 1 1\n5 wave 2 2\n".write(to: script, atomically: true, encoding: .utf8)
        let shots = demo.folder.appendingPathComponent("shots")
        let status = KioskMain.run(arguments: [
            "--server", config.server.absoluteString, "--data", config.dataDirectory.path,
            "--display", "headless", "--screenshots", shots.path, "--input-script", script.path,
            "--assets", DemoKiosk.assets.path,
        ])
        #expect(status == 2)
        #expect(!FileManager.default.fileExists(atPath: shots.path))
    }

    @Test(arguments: [
        ["--size", "12x12"], ["--rotation", "45"], ["--display", "vga"], ["--server", "ftp://x"],
        ["--sleep", "late"], ["--frobnicate"], ["--data"], ["--blank-after", "999999999999999999"],
        ["--sync-interval", "0"],
    ])
    func badOptionsAreRefusedWithAMessage(arguments: [String]) {
        #expect(throws: KioskConfig.ArgumentError.self) { try KioskConfig.parse(arguments) }
    }
}
