import Foundation
import PrikbordInput
import PrikbordKiosk
import PrikbordModel
import PrikbordServer
import PrikbordStore

/// Builds the big demo company, serves it on loopback, syncs a kiosk store
/// per orientation and runs one measured kiosk process for each.
enum Preparation {
    static let posts = 1000
    static let people = 500

    static func run() -> Int32 {
        do {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("prikbord-bench-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }

            let assets = try findAssets()
            let store = try Store(path: folder.appendingPathComponent("server.sqlite").path)
            defer { store.close() }
            try DemoContent.seed(
                into: store, from: assets.appendingPathComponent("demo"), now: benchNow)
            try grow(store)
            let server = try Server(store: store, port: 0, bindAddress: "127.0.0.1")
            defer { server.stop() }
            let visible = try store.newsFeed(siteID: nil, now: benchNow, limit: 10_000).count
            let people = try store.people(siteID: nil).count
            say("content: \(visible) visible posts, \(people) people")

            for (name, width, height) in [("portrait", 1080, 1920), ("landscape", 1920, 1080)] {
                var config = KioskConfig()
                config.server = URL(string: "http://127.0.0.1:\(server.port)")!
                config.dataDirectory = folder.appendingPathComponent("kiosk-\(name)")
                config.assets = assets
                config.fixedNow = benchNow
                let started = MonotonicClock.now()
                guard KioskSync.once(config: config) else {
                    say("sync failed")
                    return 1
                }
                say("\n\(name) \(width)x\(height)")
                say(
                    String(
                        format: "  first sync of the whole store:  %.0f ms",
                        Double(MonotonicClock.now() - started) / 1000))
                let status = try measure(
                    config: config, width: width, height: height, assets: assets)
                if status != 0 { return status }
            }
            return 0
        } catch {
            say("bench failed: \(error)")
            return 1
        }
    }

    static func findAssets() throws -> URL {
        var config = KioskConfig()
        config.assets = nil
        guard let assets = config.assetsDirectory() else {
            throw KioskConfig.ArgumentError(
                description: "cannot find assets/; run from the repository")
        }
        return assets
    }

    /// Copies the demo's posts and people until there are enough of each.
    static func grow(_ store: Store) throws {
        let basePosts = try store.newsFeed(siteID: nil, now: benchNow, limit: 10_000)
        let basePeople = try store.people(siteID: nil)
        var count = basePosts.count
        var index = 0
        while count < posts, !basePosts.isEmpty {
            var post = basePosts[index % basePosts.count]
            post.id = UUID().uuidString.lowercased()
            post.pinnedUntil = nil
            post.kind = post.kind == .notice ? .news : post.kind
            post.publishedAt = benchNow.addingTimeInterval(-Double(3600 * (index + 1)))
            // Each copy gets a photo of its own, as real posts have: the same
            // picture with a different trailer, so another blob to decode.
            if let hash = post.image, let photo = try store.storedBlob(hash) {
                let copy = photo.data + Data("copy \(index)".utf8)
                post.image = try store.putBlob(copy, mime: photo.mime)
            }
            try store.save(post)
            count += 1
            index += 1
        }
        count = basePeople.count
        index = 0
        while count < people, !basePeople.isEmpty {
            var person = basePeople[index % basePeople.count]
            person.id = UUID().uuidString.lowercased()
            person.name += " \(index / basePeople.count + 2)"
            try store.save(person)
            count += 1
            index += 1
        }
    }

    /// Runs `bench-kiosk` as its own process so start-up and memory are a
    /// kiosk's, not this preparer's.
    static func measure(config: KioskConfig, width: Int, height: Int, assets: URL) throws -> Int32 {
        let process = Process()
        let kiosk = URL(fileURLWithPath: CommandLine.arguments[0])
            .resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("bench-kiosk")
        guard FileManager.default.isExecutableFile(atPath: kiosk.path) else {
            say("no \(kiosk.path): build it too (swift build ... --product bench-kiosk)")
            return 2
        }
        process.executableURL = kiosk
        process.arguments = [
            config.dataDirectory.path, assets.path, "\(width)", "\(height)",
            "\(MonotonicClock.now())",
        ]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
