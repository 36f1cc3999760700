import CSQLite
import FoundationEssentials
import PrikbordLog

/// One SQLite connection, owned by one Swift object.
///
/// Close it explicitly with `close()`; `deinit` closes a connection that was
/// left open and logs it, because an open handle at that point is a bug.
/// A connection is not thread-safe: use it from one thread at a time.
public final class Database {
    private var handle: OpaquePointer?
    public let path: String

    /// Opens (creating if needed) the file at `path` in WAL mode with
    /// foreign keys enforced and a busy timeout for the other connection.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            handle = nil
            throw StoreError(code: code, message: "\(message) (opening \(path))")
        }
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        do {
            try configure()
        } catch {
            close()
            throw error
        }
    }

    private func configure() throws {
        // "The WAL journaling mode uses a write-ahead log instead of a rollback
        // journal": readers (the kiosk's UI) do not block the sync writer.
        let mode = try query("PRAGMA journal_mode = WAL").first?["journal_mode"]?.text
        if mode != "wal" {
            Log.warning("SQLite did not switch to WAL", ["store.path": path])
        }
        try execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
    }

    deinit {
        if handle != nil {
            Log.warning("database was not closed before release", ["store.path": path])
            close()
        }
    }

    /// Closes the connection. Statements still alive keep SQLite's handle
    /// until they finalize (sqlite3_close_v2).
    public func close() {
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    public var isOpen: Bool { handle != nil }

    func withHandle<R>(_ body: (OpaquePointer?) throws -> R) rethrows -> R {
        precondition(handle != nil, "database \(path) used after close()")
        return try body(handle)
    }

    func error(_ code: Int32, sql: String?) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
        return StoreError(code: code, message: message, sql: sql)
    }
}

extension Database {
    /// Runs one or more statements that take no parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = withHandle { sqlite3_exec($0, sql, nil, nil, &message) }
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "failed"
            throw StoreError(code: code, message: text, sql: sql)
        }
    }

    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one statement with bound values.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws {
        let statement = try prepare(sql)
        try statement.bind(values)
        try statement.run()
    }

    /// Runs one query with bound values and returns its rows.
    public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[String: SQLValue]] {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.rows()
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changedRows: Int {
        withHandle { Int(sqlite3_changes($0)) }
    }

    public var isInTransaction: Bool {
        withHandle { sqlite3_get_autocommit($0) == 0 }
    }
}
