import Foundation
import PrikbordLog
import PrikbordStore
import PrikbordSync

/// Syncs in the background with its own store connection, and tells the
/// UI thread through a pipe when the store changed or the server was lost
/// or found again.
final class SyncWorker: Sendable {
    enum Message: UInt8 {
        case changed = 1
        case offline = 2
        case online = 3
    }

    private let config: KioskConfig
    /// Write end of the pipe the UI thread polls.
    private let notifyFD: Int32

    init(config: KioskConfig, notifyFD: Int32) {
        self.config = config
        self.notifyFD = notifyFD
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "prikbord-sync"
        thread.start()
    }

    private func send(_ message: Message) {
        var byte = message.rawValue
        _ = write(notifyFD, &byte, 1)
    }

    private func loop() {
        let client = SyncClient(server: config.server, siteID: config.siteID)
        var online: Bool?
        while true {
            let outcome = syncOnce(client: client)
            switch outcome {
            case .success(let report):
                if online != true {
                    Log.info(
                        "server reached",
                        [
                            "sync.server": config.server.absoluteString,
                            "sync.cursor": "\(report.cursor)",
                        ])
                }
                online = true
                // Every success, so the offline line can say when the last one was.
                send(.online)
                if report.applied > 0 || report.blobsFetched > 0 {
                    Log.info(
                        "sync applied changes",
                        [
                            "sync.applied": "\(report.applied)",
                            "sync.blobs": "\(report.blobsFetched)",
                            "sync.cursor": "\(report.cursor)",
                        ]
                    )
                    send(.changed)
                }
            case .failure(let error, let cursorMoved):
                // Rows may have landed before the failure (a blob download
                // broke off): show them anyway.
                if cursorMoved { send(.changed) }
                if online != false {
                    Log.warning(
                        "sync failed; showing stored content",
                        ["sync.server": config.server.absoluteString, "error": "\(error)"])
                    send(.offline)
                    online = false
                }
            }
            Thread.sleep(forTimeInterval: Double(config.syncInterval.components.seconds))
        }
    }

    private enum Outcome {
        case success(SyncReport)
        case failure(Error, cursorMoved: Bool)
    }

    private func syncOnce(client: SyncClient) -> Outcome {
        let store: Store
        do {
            store = try KioskStore.open(config, check: false)
        } catch {
            return .failure(error, cursorMoved: false)
        }
        defer { store.close() }
        let before = (try? store.syncCursor()) ?? 0
        do {
            return .success(try client.syncOnce(into: store))
        } catch {
            let after = (try? store.syncCursor()) ?? before
            return .failure(error, cursorMoved: after != before)
        }
    }
}
