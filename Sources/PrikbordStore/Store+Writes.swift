import CSQLite
import FoundationEssentials
import PrikbordModel

// Writes on the server. Each one stamps the row with the next number of the
// change sequence, in the same transaction, so the feed never misses a write.
extension Store {
    public func save(_ site: Site) throws { try saveRecord(site) }
    public func save(_ person: Person) throws { try saveRecord(person) }
    public func save(_ post: Post) throws { try saveRecord(post) }
    public func save(_ comment: Comment) throws { try saveRecord(comment) }
    public func save(_ event: Event) throws { try saveRecord(event) }
    public func save(_ section: OnboardingSection) throws { try saveRecord(section) }
    public func save(_ step: OnboardingStep) throws { try saveRecord(step) }

    /// Pins a post on top of the news until `until`.
    public func pin(postID: String, until: Date) throws {
        let sql = "UPDATE post SET pinned_until = ?2, seq = ?3 WHERE id = ?1 AND deleted = 0"
        try database.transaction {
            let seq = try nextSeq()
            try database.run(sql, [.text(postID), SQLValue(until), .integer(seq)])
            guard database.changedRows == 1 else { throw StoreError.notFound("post", sql: sql) }
        }
    }

    /// Marks a row deleted; kiosks drop it on their next sync.
    public func delete(table: String, id: String) throws {
        guard let table = SyncedTable.named(table) else {
            throw StoreError.notFound("synced table \(table)")
        }
        let sql = "UPDATE \(table.name) SET deleted = 1, seq = ?2 WHERE id = ?1 AND deleted = 0"
        try database.transaction {
            let seq = try nextSeq()
            try database.run(sql, [.text(id), .integer(seq)])
            guard database.changedRows == 1 else {
                throw StoreError.notFound(table.name, sql: sql)
            }
        }
    }

    /// The last sequence number handed out by this (server) store.
    public func latestSeq() throws -> Int64 {
        try database.query("SELECT last_seq FROM sync_state WHERE id = 1")
            .first?["last_seq"]?.integer ?? 0
    }

    private func saveRecord<Record: StoredRecord>(_ record: Record) throws {
        try database.transaction {
            let seq = try nextSeq()
            try upsert(
                table: Record.table, id: record.id, seq: seq, deleted: false,
                columns: record.columns)
        }
    }

    func nextSeq() throws -> Int64 {
        let sql = """
            UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq
            """
        guard let seq = try database.query(sql).first?["last_seq"]?.integer else {
            throw StoreError(code: SQLITE_CORRUPT, message: "sync_state row missing", sql: sql)
        }
        return seq
    }

    /// Inserts or updates a row unless the store already holds a newer
    /// version of it, which makes a replayed change harmless.
    /// `columns` names come from the schema (`SyncedTable`), never from input.
    func upsert(
        table: String, id: String, seq: Int64, deleted: Bool, columns: [String: SQLValue]
    ) throws {
        let names = columns.keys.sorted()
        let all = ["id", "seq", "deleted"] + names
        let placeholders = all.indices.map { "?\($0 + 1)" }
        let updates = all.dropFirst().map { "\($0) = excluded.\($0)" }
        let sql = """
            INSERT INTO \(table) (\(all.joined(separator: ", ")))
            VALUES (\(placeholders.joined(separator: ", ")))
            ON CONFLICT (id) DO UPDATE SET \(updates.joined(separator: ", "))
            WHERE excluded.seq > \(table).seq
            """
        let key: [SQLValue] = [.text(id), .integer(seq), .integer(deleted ? 1 : 0)]
        let values = key + names.compactMap { columns[$0] }
        try database.run(sql, values)
    }
}
