import FoundationEssentials

/// A photo, image or document, named by the SHA-256 of its bytes.
public struct StoredBlob: Sendable, Hashable {
    public var sha256: String
    public var mime: String
    public var data: Data
}

extension Store {
    public func blob(_ sha256: String) throws -> Data? {
        try storedBlob(sha256)?.data
    }

    public func storedBlob(_ sha256: String) throws -> StoredBlob? {
        let sql = "SELECT mime, bytes FROM blob WHERE sha256 = ?1"
        guard let row = try database.query(sql, [.text(sha256)]).first,
            let mime = row["mime"]?.text, let data = row["bytes"]?.data
        else { return nil }
        return StoredBlob(sha256: sha256, mime: mime, data: data)
    }

    /// Stores `data` under its SHA-256 (once) and returns that name.
    @discardableResult
    public func putBlob(_ data: Data, mime: String) throws -> String {
        let sha256 = sha256Hex(data)
        let sql = "INSERT OR IGNORE INTO blob (sha256, mime, bytes) VALUES (?1, ?2, ?3)"
        try database.run(sql, [.text(sha256), .text(mime), .blob(data)])
        return sha256
    }

    /// Blobs that visible people and posts refer to but the store lacks.
    public func missingBlobs() throws -> [String] {
        let sql = """
            SELECT photo AS sha256 FROM person WHERE deleted = 0 AND photo IS NOT NULL
            UNION
            SELECT image FROM post WHERE deleted = 0 AND image IS NOT NULL
            EXCEPT
            SELECT sha256 FROM blob
            ORDER BY 1
            """
        return try database.query(sql).compactMap { $0["sha256"]?.text }
    }
}
