import Foundation
import PrikbordModel
import PrikbordStore
import Testing

@testable import PrikbordKiosk

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

    /// A store file put in the kiosk's place while it runs (the sync agent
    /// starts a new one when it finds the old damaged) is the one read after
    /// the next sync, not the unlinked file the kiosk still had open.
    @Test func storeFileReplacedWhileRunningIsReadAfterTheNextSync() throws {
        let demo = try DemoKiosk()
        let config = demo.config()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        let before = kiosk.data.newsFeed(limit: 100).count
        #expect(before > 0)

        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(
                atPath: KioskStore.path(in: config.dataDirectory) + suffix)
        }
        #expect(KioskSync.once(config: config))
        let fresh = try Store(path: KioskStore.path(in: config.dataDirectory))
        let site = try #require(try fresh.sites().first)
        try fresh.save(
            Post(
                id: "only-in-the-new-file", kind: .news, siteID: site.id, authorID: nil,
                title: LocalizedText(plain: "Only in the new file"),
                body: LocalizedText(plain: "Written after the old file was deleted."),
                publishedAt: Date(timeIntervalSince1970: 1_796_280_000), pinnedUntil: nil,
                expiresAt: nil, image: nil))
        fresh.close()

        kiosk.contentChanged()
        let after = kiosk.data.newsFeed(limit: 100)
        #expect(after.contains { $0.id == "only-in-the-new-file" })
        #expect(after.count == before + 1)
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
