import Foundation
import PrikbordSync
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One client holding many half-sent requests open must not lock the
/// kiosks out of the server.
@Suite struct ServerLimitTests {
    /// A TCP connection to the server from `source` (any 127/8 address is
    /// this machine), with half a request sent; nil when it was refused.
    private func halfRequest(from source: String, to port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr)
        let connected = withUnsafePointer(to: &local) { localPointer in
            withUnsafePointer(to: &remote) { remotePointer in
                localPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { l in
                    remotePointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { r in
                        bind(fd, l, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                            && connect(fd, r, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
            }
        }
        guard connected else {
            close(fd)
            return nil
        }
        let half = Array("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n".utf8)
        _ = half.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return fd
    }

    @Test func halfOpenRequestsFromOneClientLeaveRoomForTheKiosks() throws {
        let fixture = try SyncFixture()
        let port = UInt16(fixture.url.port ?? 0)
        // More than select() can watch (FD_SETSIZE is 1024), if we may.
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(limit.rlim_max, 4096)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let attempts = Int(min(limit.rlim_cur, 1200)) - 100
        let held = (0..<attempts).compactMap { _ in halfRequest(from: "127.0.0.2", to: port) }
        defer { for fd in held { close(fd) } }
        #expect(held.count >= 64)

        // A kiosk at another address is still answered, at once.
        let url = URL(string: "/api/v1/health", relativeTo: fixture.url)!
        let (_, response) = try BlockingHTTP().send(URLRequest(url: url))
        #expect(response.statusCode == 200)
    }
}
