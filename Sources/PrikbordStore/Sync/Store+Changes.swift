import FoundationEssentials

extension Store {
    /// The change feed: rows of every synced table changed after `seq`, in
    /// sequence order, at most `limit`, restricted to what `siteID` may see
    /// (every site's rows when nil).
    public func changes(after seq: Int64, limit: Int, siteID: String?) throws -> ChangeBatch {
        let limit = max(1, limit)
        var changes: [Change] = []
        try database.transaction(.deferred) {
            // Each table's first limit + 1 rows hold the feed's first limit + 1.
            for table in SyncedTable.all {
                changes += try self.changes(
                    in: table, after: seq, limit: limit + 1, siteID: siteID)
            }
        }
        changes.sort { $0.seq < $1.seq }

        let page = Array(changes.prefix(limit))
        return ChangeBatch(changes: page, next: page.last?.seq ?? seq, more: changes.count > limit)
    }

    private func changes(
        in table: SyncedTable, after seq: Int64, limit: Int, siteID: String?
    ) throws -> [Change] {
        let sql = """
            SELECT * FROM \(table.name)
            WHERE seq > ?2 AND (?1 IS NULL OR \(table.siteFilter ?? "1"))
            ORDER BY seq LIMIT ?3
            """
        let rows = try database.query(sql, [SQLValue(siteID), .integer(seq), SQLValue(limit)])
        return try rows.map { try change(in: table, from: Row(table.name, $0)) }
    }

    private func change(in table: SyncedTable, from row: Row) throws -> Change {
        let deleted = try row.integer("deleted") != 0
        var values: [String: JSONValue]?
        if !deleted {
            values = [:]
            for column in table.columns {
                values?[column.name] = JSONValue(row.values[column.name] ?? .null)
            }
        }
        return Change(
            seq: Int64(try row.integer("seq")), table: table.name, id: try row.text("id"),
            deleted: deleted, row: values)
    }
}
