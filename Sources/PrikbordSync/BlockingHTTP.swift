import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP requests that wait for their answer, for threads that may block:
/// the sync agent and the command-line tools.
public struct BlockingHTTP: Sendable {
    private let session: URLSession

    public let timeout: TimeInterval

    // TODO: a server that holds a connection silent makes URLSession's curl glue spin a core.
    // The short timeout bounds that; the fix belongs in FoundationNetworking.
    public init(timeout: TimeInterval = 8) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Sends `request` and returns the body and response of any HTTP status.
    /// Throws `SyncError.unreachable` when no HTTP answer came.
    public func send(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
        let exchange = Exchange()
        let task = session.dataTask(with: request) { data, response, error in
            exchange.finish(data, response, error)
        }
        task.resume()
        exchange.done.wait()

        let url = request.url?.absoluteString ?? "?"
        let (data, response, error) = exchange.result
        if let error {
            let code = (error as NSError).code
            let reason =
                code == NSURLErrorTimedOut
                ? "no answer within \(Int(timeout)) s"
                : code == NSURLErrorCannotConnectToHost
                    ? "connection refused" : error.localizedDescription
            throw SyncError.unreachable("\(url): \(reason)")
        }
        guard let response = response as? HTTPURLResponse else {
            throw SyncError.unreachable("\(url): no HTTP response")
        }
        return (data ?? Data(), response)
    }

    /// GET `url`; anything but 200 is a bad response.
    public func get(_ url: URL) throws -> (Data, HTTPURLResponse) {
        let (data, response) = try send(URLRequest(url: url))
        guard response.statusCode == 200 else {
            throw SyncError.badResponse(
                "HTTP \(response.statusCode) for \(url.absoluteString): \(Self.excerpt(data))")
        }
        return (data, response)
    }

    /// The start of a body, for error messages.
    public static func excerpt(_ data: Data) -> String {
        String(decoding: data.prefix(200), as: UTF8.self)
    }
}

/// The answer of one data task, handed from URLSession's queue to the
/// waiting thread; the semaphore orders the write before the read.
private final class Exchange: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private(set) var result: (Data?, URLResponse?, Error?) = (nil, nil, nil)

    func finish(_ data: Data?, _ response: URLResponse?, _ error: Error?) {
        result = (data, response, error)
        done.signal()
    }
}
