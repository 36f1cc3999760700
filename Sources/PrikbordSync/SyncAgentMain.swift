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
            guard ["--server", "--data", "--site"].contains(option) else {
                return fail("unknown option \(option)")
            }
            guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                return fail("\(option) needs a value")
            }
            switch option {
            case "--server":
                guard let url = URL(string: value), url.scheme?.hasPrefix("http") == true else {
                    return fail("--server needs an http:// or https:// URL, not \(value)")
                }
                server = url
            case "--data": data = URL(fileURLWithPath: value)
            default: site = value
            }
        }
        guard let server, let data else { return fail("--server URL and --data DIR are needed") }

        // Each request has its own timeout, but a server that trickles its
        // answer a byte at a time could hold the agent for ever.
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(deadlineSeconds)) {
            print(
                SyncAgentResult(
                    reached: false, storeChanged: true,
                    error: "the sync did not finish within \(deadlineSeconds) s"
                ).line)
            exit(1)
        }

        let result = syncOnce(server: server, data: data, site: site)
        print(result.line)
        return result.reached ? 0 : 1
    }

    /// A whole sync, every page and photo, takes well under this.
    static let deadlineSeconds = 60

    static func syncOnce(server: URL, data: URL, site: String?) -> SyncAgentResult {
        let store: Store
        do {
            store = try KioskStore.open(in: data, check: false)
        } catch {
            return SyncAgentResult(
                reached: false, storeChanged: false,
                error: "the kiosk store in \(data.path) cannot be opened: \(describe(error))")
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
        Log.error("\(message); see prikbord-sync --help")
        return 2
    }

    /// Foundation's file errors read as their Cocoa domain and code; say
    /// what went wrong instead.
    private static func describe(_ error: Error) -> String {
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        switch cocoa.code {
        case .fileWriteFileExists: return "a file is in the way of the folder"
        case .fileWriteNoPermission: return "no permission to write there"
        default:
            let reason = (cocoa.userInfo[NSUnderlyingErrorKey] as? Error).map { " (\($0))" } ?? ""
            return "the folder cannot be made (Cocoa error \(cocoa.code.rawValue))\(reason)"
        }
    }
}
