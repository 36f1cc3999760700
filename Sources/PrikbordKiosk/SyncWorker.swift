import Foundation
import PrikbordLog
import PrikbordStore
import PrikbordSync

/// Syncs in the background with its own store connection, and tells the
/// UI thread through a pipe when the store changed or the server was lost
/// or found again.
final class SyncWorker: Sendable {
    enum Message: UInt8 {
        case changed = 1, offline = 2, online = 3
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
        let path = config.dataDirectory.appendingPathComponent("kiosk.sqlite").path
        let client = SyncClient(server: config.server, siteID: config.siteID)
        var online: Bool?
        while true {
            do {
                let store = try Store(path: path)
                let report = try client.syncOnce(into: store)
                store.close()
                if online != true {
                    Log.info("server reached", ["sync.server": config.server.absoluteString, "sync.cursor": "\(report.cursor)"])
                    send(.online)
                    online = true
                }
                if report.applied > 0 || report.blobsFetched > 0 {
                    Log.info(
                        "sync applied changes",
                        ["sync.applied": "\(report.applied)", "sync.blobs": "\(report.blobsFetched)", "sync.cursor": "\(report.cursor)"]
                    )
                    send(.changed)
                }
            } catch {
                if online != false {
                    Log.warning("sync failed; showing stored content", ["sync.server": config.server.absoluteString, "error": "\(error)"])
                    send(.offline)
                    online = false
                }
            }
            Thread.sleep(forTimeInterval: Double(config.syncInterval.components.seconds))
        }
    }
}
