import CSQLite

/// A failure reported by SQLite, or by the store on SQLite's behalf.
///
/// The description carries the result code, SQLite's message and the SQL
/// text. Values are always bound, never spliced into the SQL, so the
/// description holds no personal data.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// SQLite's (extended) result code, e.g. 19 for SQLITE_CONSTRAINT.
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message)"
        if let sql { text += " — in `\(sql)`" }
        return text
    }

    /// A lookup by id found no row.
    static func notFound(_ what: String, sql: String? = nil) -> StoreError {
        StoreError(code: SQLITE_NOTFOUND, message: "no such \(what)", sql: sql)
    }
}
