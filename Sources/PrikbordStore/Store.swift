import FoundationEssentials
import PrikbordLog
import PrikbordModel

/// The content of a company, in one SQLite file: on the server the
/// authoritative copy, on a kiosk the subset its site may see.
///
/// One `Store` per thread or process; the kiosk and its sync agent each open
/// their own on the same file (WAL lets them read and write side by side).
public final class Store {
    public let database: Database

    /// Opens the file at `path`, creating it if needed, and brings its
    /// schema up to date.
    public init(path: String) throws {
        database = try Database(path: path)
        do {
            try database.migrate(Store.migrations)
        } catch {
            database.close()
            throw error
        }
    }

    public func close() {
        database.close()
    }

    /// The schema version of the open file.
    public func schemaVersion() throws -> Int {
        try database.userVersion()
    }
}
