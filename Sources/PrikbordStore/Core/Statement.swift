import CSQLite
import FoundationEssentials

/// One prepared statement. It is finalized when the last reference goes.
public final class Statement {
    private let database: Database
    private var handle: OpaquePointer?
    public let sql: String

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        let code = database.withHandle { db in
            sqlite3_prepare_v2(db, sql, -1, &handle, nil)
        }
        guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to ?1, ?2, ... in order, replacing earlier bindings.
    public func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let string):
            return sqlite3_bind_text(handle, index, string, -1, sqliteTransient)
        case .blob(let data):
            return data.withUnsafeBytes { bytes in
                sqlite3_bind_blob64(
                    handle, index, bytes.baseAddress, UInt64(bytes.count), sqliteTransient)
            }
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func run() throws {
        while try step() {}
    }

    /// All rows, each keyed by column name.
    public func rows() throws -> [[String: SQLValue]] {
        var result: [[String: SQLValue]] = []
        while try step() {
            result.append(currentRow())
        }
        return result
    }

    /// Advances to the next row; false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            sqlite3_reset(handle)
            throw database.error(code, sql: sql)
        }
    }

    private func currentRow() -> [String: SQLValue] {
        var row: [String: SQLValue] = [:]
        for index in 0..<sqlite3_column_count(handle) {
            let name = String(cString: sqlite3_column_name(handle, index))
            row[name] = column(index)
        }
        return row
    }

    private func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            return .text(String(cString: sqlite3_column_text(handle, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else {
                return .blob(Data())
            }
            return .blob(Data(bytes: bytes, count: count))
        default:
            return .null
        }
    }
}

/// SQLITE_TRANSIENT is a C macro Swift cannot import: it tells SQLite to copy
/// the bound bytes before the call returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
