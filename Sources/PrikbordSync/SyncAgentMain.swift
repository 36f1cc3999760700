import Foundation
import PrikbordLog
import PrikbordModel
import PrikbordStore

/// The `prikbord-sync` program: one sync of a kiosk's store, then exit.
///
/// The kiosk starts it every sync interval rather than syncing in its own
/// process: URLSession brings all of Foundation, ICU and libcurl with it,
/// and the kiosk, which stays resident all day on small machines, should
/// not carry them between syncs. The agent prints one ``SyncAgentResult``
/// line on standard output; its log lines go where the kiosk's go.
public enum SyncAgentMain {
    public static let usage = """
        usage: prikbord-sync --server URL --data DIR [--site ID]

        Brings a kiosk's store up to date with the central server once, and
        prints one line saying what it did. The kiosk runs it; run it by
        hand to see whether a kiosk can reach its server.
        """

    public static func run(arguments: [String]) -> Int32 {
        var server: URL?
        var data: URL?
        var site: String?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard option != "--help" else {
                print(usage)
                return 0
            }
            guard let value = rest.popFirst() else { return fail("\(option) needs a value") }
            switch option {
            case "--server": server = URL(string: value)
            case "--data": data = URL(fileURLWithPath: value)
            case "--site": site = value
            default: return fail("unknown option \(option)")
            }
        }
        guard let server, server.scheme?.hasPrefix("http") == true, let data else {
            return fail("--server URL and --data DIR are needed")
        }

        let result = syncOnce(server: server, data: data, site: site)
        print(result.line)
        return result.reached ? 0 : 1
    }

    static func syncOnce(server: URL, data: URL, site: String?) -> SyncAgentResult {
        let store: Store
        do {
            store = try KioskStore.open(in: data, check: false)
        } catch {
            return SyncAgentResult(
                reached: false, storeChanged: false, error: "the store cannot be opened: \(error)")
        }
        defer { store.close() }
        let before = (try? store.syncCursor()) ?? 0
        do {
            let report = try SyncClient(server: server, siteID: site).syncOnce(into: store)
            return SyncAgentResult(
                reached: true, applied: report.applied, blobsFetched: report.blobsFetched,
                cursor: report.cursor, storeChanged: report.applied > 0 || report.blobsFetched > 0
            )
        } catch {
            // The kiosk logs losing and finding the server, once each, with
            // the reason given here.
            let after = (try? store.syncCursor()) ?? before
            return SyncAgentResult(
                reached: false, storeChanged: after != before, error: "\(error)")
        }
    }

    private static func fail(_ message: String) -> Int32 {
        Log.error("prikbord-sync: \(message); see --help")
        return 2
    }
}
