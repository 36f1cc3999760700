import Foundation
import PrikbordServer
import PrikbordStore
import PrikbordSync

/// The reference time the fixture's relative times are turned around.
let now = Date(timeIntervalSince1970: 1_760_000_000)

/// A real server on a loopback port of its own, seeded with the fixture
/// company, and an empty kiosk store; all files in a fresh directory.
final class SyncFixture {
    let directory: URL
    let server: Server
    let kiosk: Store
    private let serverStore: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        serverStore = try Store(path: directory.appendingPathComponent("server.sqlite").path)
        try DemoContent.seed(into: serverStore, from: Self.fixtureCompany, now: now)
        server = try Server(store: serverStore, port: 0, bindAddress: "127.0.0.1")
        kiosk = try Store(path: directory.appendingPathComponent("kiosk.sqlite").path)
    }

    deinit {
        server.stop()
        serverStore.close()
        kiosk.close()
        try? FileManager.default.removeItem(at: directory)
    }

    static var fixtureCompany: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/demo")
    }

    var url: URL { URL(string: "http://127.0.0.1:\(server.port)")! }

    func client(site: String? = nil, batchSize: Int = 500) -> SyncClient {
        SyncClient(server: url, siteID: site, batchSize: batchSize)
    }

    /// Runs `body` on the server's store between requests.
    func onServer<T>(_ body: (Store) throws -> T) rethrows -> T {
        try server.withStore(body)
    }
}

let syncedTables = [
    "site", "person", "post", "comment", "reaction", "follow", "event", "rsvp",
    "onboarding_section", "onboarding_step", "onboarding_progress", "blob",
]

/// Every row of every synced table, for comparing two stores.
func contents(of store: Store) throws -> [String: [[String: SQLValue]]] {
    var tables: [String: [[String: SQLValue]]] = [:]
    for table in syncedTables {
        let order = table == "blob" ? "sha256" : "id"
        tables[table] = try store.database.query("SELECT * FROM \(table) ORDER BY \(order)")
    }
    return tables
}
