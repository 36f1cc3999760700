/// Why a sync did not finish. Whatever was applied before the failure
/// stays; the failing page left nothing behind.
public enum SyncError: Error, CustomStringConvertible, Sendable {
    /// The server could not be reached at the URL given.
    case unreachable(String)
    /// The server answered with something that is not a valid answer.
    case badResponse(String)

    public var description: String {
        switch self {
        case .unreachable(let detail): "server unreachable: \(detail)"
        case .badResponse(let detail): "bad response from server: \(detail)"
        }
    }
}
