import Foundation
import PrikbordGraphics
import PrikbordKiosk
import PrikbordServer
import PrikbordStore

/// A real server on loopback seeded with the demo company at a fixed
/// moment, and a kiosk config that syncs from it into a temporary folder.
final class DemoKiosk {
    /// Thursday 3 December 2026, 08:30 in Naaldwijk: a fixed clock so the
    /// pictures do not change from day to day.
    static let now = ISO8601DateFormatter().date(from: "2026-12-03T07:30:00Z")!

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let assets = repository.appendingPathComponent("assets")

    let folder: URL
    let serverStore: Store
    let server: Server

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-kiosk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        serverStore = try Store(path: folder.appendingPathComponent("server.sqlite").path)
        try DemoContent.seed(
            into: serverStore, from: Self.assets.appendingPathComponent("demo"), now: Self.now
        )
        server = try Server(store: serverStore, port: 0, bindAddress: "127.0.0.1")
    }

    func config(width: Int = 1080, height: Int = 1920, language: String = "en") -> KioskConfig {
        var config = KioskConfig()
        config.server = URL(string: "http://127.0.0.1:\(server.port)")!
        config.dataDirectory = folder.appendingPathComponent("kiosk")
        config.fixedNow = Self.now
        config.assets = Self.assets
        config.width = width
        config.height = height
        config.language = language
        return config
    }

    struct SyncFailed: Error {}

    /// A kiosk on this demo's config, its store filled by one real sync.
    @MainActor
    func syncedKiosk(width: Int = 1080, height: Int = 1920) throws -> Kiosk {
        let config = config()
        guard KioskSync.once(config: config) else { throw SyncFailed() }
        return try Kiosk(config: config, width: width, height: height)
    }

    deinit {
        server.stop()
        serverStore.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
