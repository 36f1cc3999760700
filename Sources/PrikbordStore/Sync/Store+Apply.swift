import FoundationEssentials
import PrikbordLog

extension Store {
    /// Applies a page of the server's change feed and moves the cursor to
    /// `batch.next`, all in one transaction. Every change is checked against
    /// the schema first; any invalid change or failed write leaves rows and
    /// cursor exactly as they were.
    public func apply(_ batch: ChangeBatch) throws {
        let writes = try batch.changes.map { try validate($0, next: batch.next) }

        // The cursor moves inside the batch's transaction: after a crash the
        // kiosk asks for this batch again instead of skipping or half-keeping it.
        try database.transaction {
            for write in writes {
                try apply(write)
            }
            let sql = "UPDATE sync_state SET cursor = max(cursor, ?1) WHERE id = 1"
            try database.run(sql, [.integer(batch.next)])
        }
    }

    /// Where this (kiosk) store stands in the server's change feed.
    public func syncCursor() throws -> Int64 {
        try database.query("SELECT cursor FROM sync_state WHERE id = 1")
            .first?["cursor"]?.integer ?? 0
    }

    private struct Write {
        var table: SyncedTable
        var change: Change
        var columns: [String: SQLValue]
    }

    private func apply(_ write: Write) throws {
        let change = write.change
        if change.deleted {
            // A tombstone for a row this kiosk never had changes nothing.
            let sql = """
                UPDATE \(write.table.name) SET deleted = 1, seq = ?2
                WHERE id = ?1 AND seq < ?2
                """
            try database.run(sql, [.text(change.id), .integer(change.seq)])
        } else {
            try upsert(
                table: write.table.name, id: change.id, seq: change.seq, deleted: false,
                columns: write.columns)
        }
    }

    private func validate(_ change: Change, next: Int64) throws -> Write {
        func invalid(_ reason: String) -> InvalidChangeError {
            InvalidChangeError(seq: change.seq, table: change.table, id: change.id, reason: reason)
        }
        guard let table = SyncedTable.named(change.table) else { throw invalid("unknown table") }
        guard !change.id.isEmpty else { throw invalid("empty id") }
        guard change.seq > 0, change.seq <= next else {
            throw invalid("sequence number outside the batch (next \(next))")
        }
        if change.deleted { return Write(table: table, change: change, columns: [:]) }

        guard let row = change.row else { throw invalid("no row") }
        if let unknown = row.keys.sorted().first(where: { table.column($0) == nil }) {
            throw invalid("unknown column \(unknown)")
        }
        var columns: [String: SQLValue] = [:]
        for column in table.columns {
            let value = row[column.name] ?? .null
            guard let sqlValue = Self.sqlValue(value, for: column) else {
                let wanted = column.type == .text ? "text" : "an integer"
                let problem = value == .null ? "is missing" : "is not \(wanted)"
                throw invalid("column \(column.name) \(problem)")
            }
            columns[column.name] = sqlValue
        }
        return Write(table: table, change: change, columns: columns)
    }

    private static func sqlValue(_ value: JSONValue, for column: SyncedTable.Column) -> SQLValue? {
        switch (value, column.type) {
        case (.null, _): column.isRequired ? nil : .null
        case (.string(let text), .text): .text(text)
        case (.integer(let number), .integer): .integer(number)
        case (.bool(let flag), .integer): .integer(flag ? 1 : 0)
        default: nil
        }
    }
}
