import CMicroHTTPD
import CServerShim
import Foundation
import PrikbordLog
import PrikbordStore

/// The central server's HTTP API, on libmicrohttpd.
///
/// libmicrohttpd runs each connection on a thread of its own; every request
/// reaches the store through one lock, so the store's single connection is
/// used by one thread at a time.
public final class Server: @unchecked Sendable {
    private let store: Store
    private let lock = NSLock()
    private var daemon: OpaquePointer?
    private var boundPort: UInt16 = 0

    /// The port the server listens on (the one chosen when asked for 0).
    public var port: UInt16 { boundPort }

    /// Starts listening on `bindAddress` (IPv4) and `port`; 0 picks a free port.
    public init(store: Store, port: UInt16, bindAddress: String = "0.0.0.0") throws {
        self.store = store
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard
            let started = prikbord_start_daemon(
                port, bindAddress, serverAccessHandler, serverRequestCompleted, context)
        else {
            let reason = String(cString: strerror(errno))
            throw ServerError(message: "cannot listen on \(bindAddress):\(port): \(reason)")
        }
        daemon = started
        boundPort = prikbord_daemon_port(started)
    }

    deinit {
        stop()
    }

    /// Stops listening and waits for running requests to end.
    public func stop() {
        lock.lock()
        let running = daemon
        daemon = nil
        lock.unlock()
        if let running { MHD_stop_daemon(running) }
    }

    /// Runs `body` with the store while no request uses it.
    public func withStore<T>(_ body: (Store) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(store)
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let response = withStore { route(request, store: $0) }
        if response.status >= 400 {
            let message = String(decoding: response.body, as: UTF8.self)
            Log.info(
                "request refused",
                [
                    "http.method": request.method, "http.path": request.path,
                    "http.status": String(response.status), "http.error": message,
                ])
        }
        return response
    }
}

public struct ServerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
