import FoundationEssentials

/// One step of the schema, numbered from 1. A migration that has shipped is
/// never edited; changes go into a new one.
public struct Migration: Sendable {
    public var version: Int
    public var sql: String

    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}

extension Database {
    /// The schema version stored in the file header (`PRAGMA user_version`).
    public func userVersion() throws -> Int {
        let row = try query("PRAGMA user_version").first
        return Int(row?["user_version"]?.integer ?? 0)
    }

    /// Applies every migration newer than the file's version, each in its own
    /// transaction together with the version bump, so a crash leaves the
    /// file at a version it really has.
    public func migrate(_ migrations: [Migration]) throws {
        let current = try userVersion()
        let latest = migrations.map(\.version).max() ?? 0
        guard current <= latest else {
            throw StoreError(
                code: 1,
                message: "file is at schema version \(current); this build knows \(latest)")
        }
        for migration in migrations.sorted(by: { $0.version < $1.version })
        where migration.version > current {
            try transaction {
                try execute(migration.sql)
                // PRAGMA takes no bound parameters; the version is our own Int.
                try execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
