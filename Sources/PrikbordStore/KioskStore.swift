import FoundationEssentials
import Glibc
import PrikbordLog

/// Opens the kiosk's store, and starts a new one when the file is damaged.
///
/// The kiosk's store is a copy of what the server holds: a file that is
/// not SQLite, or fails SQLite's quick check, is moved aside (kept for IT
/// to look at) and the next sync fills a fresh one. A wall screen must not
/// stay dark because of a bad sector.
///
/// The kiosk reads this file and the sync agent writes it, each with its own
/// connection; WAL lets the kiosk read while a sync commits.
public enum KioskStore {
    /// SQLite's page cache for the kiosk's reading connection.
    static let kioskCacheKibibytes = 256

    public static func path(in directory: URL) -> String {
        directory.appendingPathComponent("kiosk.sqlite").path
    }

    /// Opens the store in `directory`; checks it first when `check` is set
    /// (once, when the kiosk starts, whose connection also keeps a small
    /// cache).
    public static func open(in directory: URL, check: Bool) throws -> Store {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = path(in: directory)
        do {
            let store = try Store(path: file)
            guard check else { return store }
            try limitCache(store)
            if let problem = try? quickCheckProblem(store) {
                store.close()
                throw StoreError(code: 11, message: "quick_check: \(problem)")
            }
            return store
        } catch let error as StoreError where [11, 26].contains(error.code & 0xff) {
            // SQLITE_CORRUPT, SQLITE_NOTADB (and their extended codes).
            let aside = file + ".damaged-\(Int(Date().timeIntervalSince1970))"
            Log.error(
                "kiosk store is damaged; moved aside, starting a fresh one that the next sync fills",
                ["store.file": file, "store.moved_to": aside, "error": "\(error)"]
            )
            for suffix in ["", "-wal", "-shm"]
            where FileManager.default.fileExists(atPath: file + suffix) {
                try FileManager.default.moveItem(atPath: file + suffix, toPath: aside + suffix)
            }
            let fresh = try Store(path: file)
            if check { try limitCache(fresh) }
            return fresh
        }
    }

    /// Which file is at the store's path now (device and inode), nil when
    /// none is: a kiosk compares it with the file it has open, since the
    /// sync agent starts a new file when it finds one damaged (and IT may
    /// delete one).
    public static func fileIdentity(in directory: URL) -> FileIdentity? {
        var info = stat()
        guard stat(path(in: directory), &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    public struct FileIdentity: Equatable, Sendable {
        public let device: UInt64
        public let inode: UInt64
    }

    /// The kiosk reads a few screens' worth at a time and the kernel keeps
    /// the file cached: SQLite's own cache (2 MB by default, filled by the
    /// quick check) would be memory held all day.
    private static func limitCache(_ store: Store) throws {
        try store.database.execute("PRAGMA cache_size = -\(kioskCacheKibibytes)")
    }

    /// nil when SQLite finds the file sound, else its first complaint.
    private static func quickCheckProblem(_ store: Store) throws -> String? {
        let rows = try store.database.query("PRAGMA quick_check(1)")
        let answer = rows.first?.values.first?.text ?? "ok"
        return answer == "ok" ? nil : answer
    }
}
