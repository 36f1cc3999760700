import FoundationEssentials
import PrikbordInput
import PrikbordLog
import PrikbordStore

/// The one-shot mode: sync once, draw every screen, write one PNG each.
@MainActor
enum Screenshots {
    /// Returns the process's exit status.
    static func run(config: KioskConfig, script: [InputEvent]) -> Int32 {
        guard let directory = config.screenshots else { return 2 }
        let synced = KioskSync.once(config: config)

        let kiosk: Kiosk
        do {
            kiosk = try Kiosk(config: config, width: config.width, height: config.height)
        } catch {
            Log.error("kiosk cannot start", ["error": "\(error)"])
            return 1
        }
        defer { kiosk.close() }
        if !synced && !kiosk.hasContent {
            Log.error(
                "the server cannot be reached and this kiosk has no stored content; nothing to show",
                ["sync.server": config.server.absoluteString]
            )
            return 3
        }
        if !synced {
            kiosk.setOffline(true)
        }

        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
            for id in kiosk.screenIDs {
                kiosk.show(screenID: id)
                let path = directory.appendingPathComponent("\(id).png").path
                try kiosk.frame.writePNG(to: path)
                Log.info("screenshot written", ["kiosk.screen": id, "file": path])
            }
            if !script.isEmpty {
                kiosk.show(screenID: kiosk.screenIDs[0])
                kiosk.replay(script)
                // The faces and photos the replay brought into view.
                _ = kiosk.frame
                kiosk.settlePictures()
                let path = directory.appendingPathComponent("replay.png").path
                try kiosk.frame.writePNG(to: path)
                Log.info(
                    "screenshot after replay written",
                    ["kiosk.screen": kiosk.activeScreenID, "file": path])
            }
        } catch {
            Log.error("cannot write screenshots", ["error": "\(error)", "dir": directory.path])
            return 1
        }
        return 0
    }
}

/// One sync, waited for: for the one-shot mode and tests; the running
/// kiosk starts the agent from its run loop (``SyncAgent``).
public enum KioskSync {
    /// One sync into the kiosk's store; false when the server was not reached.
    public static func once(config: KioskConfig) -> Bool {
        let result = SyncAgent.runOnce(config: config)
        if result.reached {
            Log.info(
                "synced",
                [
                    "sync.applied": "\(result.applied)", "sync.cursor": "\(result.cursor)",
                    "sync.blobs": "\(result.blobsFetched)",
                ]
            )
        } else {
            Log.warning(
                "sync failed",
                ["sync.server": config.server.absoluteString, "error": result.error ?? "unknown"])
        }
        return result.reached
    }
}
