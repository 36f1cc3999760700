/// What one run of the sync agent (`prikbord-sync`) did, as the one line
/// it prints on its standard output for the kiosk to read:
///
///     synced applied=12 blobs=3 cursor=4810
///     failed changed=1 error=the server did not answer in 8 s
///
/// `changed` on a failure says that rows landed before it broke off (a
/// photo download failed, say), so the screens should show them anyway.
/// `error`, always last, runs to the end of the line.
public struct SyncAgentResult: Sendable, Equatable {
    /// The server answered and every page and blob was taken.
    public var reached: Bool
    public var applied: Int
    public var blobsFetched: Int
    public var cursor: Int64
    /// Rows were written, even if the sync did not finish.
    public var storeChanged: Bool
    /// Why a failed sync failed, for the kiosk's log.
    public var error: String?

    public init(
        reached: Bool, applied: Int = 0, blobsFetched: Int = 0, cursor: Int64 = 0,
        storeChanged: Bool, error: String? = nil
    ) {
        self.reached = reached
        self.applied = applied
        self.blobsFetched = blobsFetched
        self.cursor = cursor
        self.storeChanged = storeChanged
        self.error = error
    }

    public var line: String {
        if reached { return "synced applied=\(applied) blobs=\(blobsFetched) cursor=\(cursor)" }
        let reason = error.map { " error=" + $0.map { $0.isNewline ? " " : $0 } } ?? ""
        return "failed changed=\(storeChanged ? 1 : 0)" + reason
    }

    /// Reads a line the agent printed; nil for anything else.
    public init?(line: Substring) {
        var error: String?
        var line = line
        if let start = line.firstRange(of: " error=") {
            error = String(line[start.upperBound...])
            line = line[..<start.lowerBound]
        }
        let words = line.split(separator: " ")
        guard let verb = words.first, verb == "synced" || verb == "failed" else { return nil }
        var fields: [Substring: Int64] = [:]
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let number = Int64(parts[1]) else { return nil }
            fields[parts[0]] = number
        }
        if verb == "failed" {
            self.init(reached: false, storeChanged: fields["changed"] == 1, error: error)
            return
        }
        guard let applied = fields["applied"], let blobs = fields["blobs"],
            let cursor = fields["cursor"]
        else { return nil }
        self.init(
            reached: true, applied: Int(applied), blobsFetched: Int(blobs), cursor: cursor,
            storeChanged: applied > 0 || blobs > 0)
    }
}
