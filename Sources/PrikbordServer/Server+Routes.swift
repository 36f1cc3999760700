import Foundation
import PrikbordStore

extension Server {
    /// Pages of the change feed are capped so one request stays small.
    static let maximumPageSize = 5_000

    func route(_ request: HTTPRequest, store: Store) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v1" else {
            return .error(404, "no such endpoint")
        }
        do {
            switch (request.method, Array(parts.dropFirst(2))) {
            case ("GET", ["health"]):
                return .json(200, ["status": "ok", "seq": try store.latestSeq()])
            case ("GET", ["changes"]):
                return try changes(request, store: store)
            case ("GET", let path) where path.count == 2 && path[0] == "blobs":
                return try blob(path[1], store: store)
            case ("POST", let path)
            where path.count == 3 && path[0] == "posts" && path[2] == "pin":
                return try pin(path[1], request, store: store)
            default:
                return .error(404, "no such endpoint")
            }
        } catch let error as StoreError where error.message.hasPrefix("no such") {
            return .error(404, error.message)
        } catch {
            return .error(500, "\(error)")
        }
    }

    private func changes(_ request: HTTPRequest, store: Store) throws -> HTTPResponse {
        guard let after = Int64(request.parameter("after") ?? "0"), after >= 0 else {
            return .error(400, "after must be a sequence number (0 or more)")
        }
        let limitText = request.parameter("limit") ?? "500"
        guard let limit = Int(limitText), (1...Self.maximumPageSize).contains(limit) else {
            return .error(400, "limit must be between 1 and \(Self.maximumPageSize)")
        }
        let site = request.parameter("site").flatMap { $0.isEmpty ? nil : $0 }
        return try .json(store.changes(after: after, limit: limit, siteID: site))
    }

    private func blob(_ sha256: String, store: Store) throws -> HTTPResponse {
        let isHex = sha256.count == 64 && sha256.allSatisfy { $0.isHexDigit && !$0.isUppercase }
        guard isHex else { return .error(400, "a blob is named by 64 lower-case hex digits") }
        guard let blob = try store.storedBlob(sha256) else { return .error(404, "no such blob") }
        return HTTPResponse(status: 200, contentType: blob.mime, body: blob.data)
    }

    private func pin(
        _ postID: String, _ request: HTTPRequest, store: Store
    ) throws -> HTTPResponse {
        // Up to the end of year 9999: beyond it times stop fitting a date.
        guard let until = request.parameter("until").flatMap(Int64.init),
            (0...253_402_300_799).contains(until)
        else {
            return .error(400, "until must be a time in Unix seconds, from 1970 to 9999")
        }
        try store.pin(postID: postID, until: Date(timeIntervalSince1970: TimeInterval(until)))
        return .json(200, ["id": postID, "pinnedUntil": until, "seq": try store.latestSeq()])
    }
}
