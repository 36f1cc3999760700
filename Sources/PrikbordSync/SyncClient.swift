import Foundation
import PrikbordLog
import PrikbordStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What one sync did.
public struct SyncReport: Sendable, Equatable {
    /// Changes applied, over all pages.
    public var applied: Int
    /// The cursor after the sync.
    public var cursor: Int64
    public var blobsFetched: Int
}

/// Pulls the server's change feed into a kiosk's store, then the blobs
/// (photos, images) the new rows refer to.
public final class SyncClient: Sendable {
    public let server: URL
    public let siteID: String?
    public let batchSize: Int
    private let http: BlockingHTTP

    public init(server: URL, siteID: String?, batchSize: Int = 500) {
        self.server = server
        self.siteID = siteID
        self.batchSize = max(1, batchSize)
        self.http = BlockingHTTP()
    }

    /// Applies pages of changes after the store's cursor until the server
    /// has no more, each page in one transaction with its cursor, then
    /// downloads missing blobs. Blocks the calling thread.
    public func syncOnce(into store: Store) throws -> SyncReport {
        let start = try store.syncCursor()
        var cursor = start
        var applied = 0
        var more = true
        while more {
            let batch = try fetchBatch(after: cursor)
            try apply(batch, to: store)
            applied += batch.changes.count
            cursor = try store.syncCursor()
            more = batch.more
        }
        let blobs = try fetchMissingBlobs(into: store)

        let report = SyncReport(applied: applied, cursor: cursor, blobsFetched: blobs)
        // The caller logs what matters (changes applied, server lost or
        // found); a sync that changed nothing is not worth a line.
        Log.debug(
            "sync done",
            [
                "sync.server": server.absoluteString, "sync.applied": String(applied),
                "sync.cursor": String(cursor), "sync.blobs": String(blobs),
            ])
        return report
    }

    private func fetchBatch(after cursor: Int64) throws -> ChangeBatch {
        var components = URLComponents(
            url: server.appendingPathComponent("api/v1/changes"), resolvingAgainstBaseURL: false)
        components?.queryItems =
            [
                URLQueryItem(name: "after", value: String(cursor)),
                URLQueryItem(name: "limit", value: String(batchSize)),
            ] + (siteID.map { [URLQueryItem(name: "site", value: $0)] } ?? [])
        guard let url = components?.url else {
            throw SyncError.badResponse("cannot make a changes URL from \(server)")
        }

        let (data, _) = try http.get(url)
        let batch: ChangeBatch
        do {
            batch = try JSONDecoder().decode(ChangeBatch.self, from: data)
        } catch {
            throw SyncError.badResponse("changes after \(cursor) are not a change batch: \(error)")
        }
        // A page that does not move forward would make the loop spin forever.
        guard batch.next >= cursor, !batch.more || batch.next > cursor else {
            throw SyncError.badResponse("changes after \(cursor) do not move the cursor")
        }
        return batch
    }

    private func apply(_ batch: ChangeBatch, to store: Store) throws {
        do {
            try store.apply(batch)
        } catch let error as InvalidChangeError {
            throw SyncError.badResponse(error.description)
        }
    }

    static func isBlobName(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private func fetchMissingBlobs(into store: Store) throws -> Int {
        var fetched = 0
        // Blob names come from synced rows: only a SHA-256 may become a URL.
        for sha256 in try store.missingBlobs() where Self.isBlobName(sha256) {
            let url = server.appendingPathComponent("api/v1/blobs/\(sha256)")
            let (data, response) = try http.send(URLRequest(url: url))
            guard response.statusCode == 200 else {
                // TODO: remember blobs the server lacks so each sync does not ask again.
                Log.warning(
                    "blob not on server",
                    ["blob.sha256": sha256, "http.status": String(response.statusCode)])
                continue
            }
            guard sha256Hex(data) == sha256 else {
                // Skip it: the rows are applied already and the other blobs
                // still deserve their chance; the next sync asks again.
                Log.warning("blob does not match its SHA-256; not stored", ["blob.sha256": sha256])
                continue
            }
            let mime =
                response.value(forHTTPHeaderField: "Content-Type") ?? "application/octet-stream"
            try store.putBlob(data, mime: mime)
            fetched += 1
        }
        return fetched
    }
}
