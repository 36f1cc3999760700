/// One row's latest state in the server's change feed.
public struct Change: Sendable, Codable, Hashable {
    /// The server sequence number of the row's last change.
    public var seq: Int64
    public var table: String
    public var id: String
    /// A tombstone: the row is gone for readers.
    public var deleted: Bool
    /// Column values other than id, seq and deleted; nil for tombstones.
    public var row: [String: JSONValue]?

    public init(
        seq: Int64, table: String, id: String, deleted: Bool, row: [String: JSONValue]?
    ) {
        self.seq = seq
        self.table = table
        self.id = id
        self.deleted = deleted
        self.row = row
    }
}

/// A page of the change feed.
public struct ChangeBatch: Sendable, Codable, Hashable {
    public var changes: [Change]
    /// The cursor to ask from next time.
    public var next: Int64
    /// More changes wait after `next`.
    public var more: Bool

    public init(changes: [Change], next: Int64, more: Bool) {
        self.changes = changes
        self.next = next
        self.more = more
    }
}

/// A change that does not fit the schema; nothing of its batch was stored.
///
/// The description names the change and the offending column, never values.
public struct InvalidChangeError: Error, CustomStringConvertible, Sendable {
    public var seq: Int64
    public var table: String
    public var id: String
    public var reason: String

    public var description: String {
        "invalid change seq \(seq) (\(table) \(id)): \(reason); batch not applied"
    }
}
