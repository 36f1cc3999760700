import Foundation
import PrikbordServer
import PrikbordStore
import PrikbordSync
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct ServerTests {
    private func get(_ fixture: SyncFixture, _ path: String) throws -> (Int, [String: Any]) {
        let url = URL(string: path, relativeTo: fixture.url)!
        let (data, response) = try BlockingHTTP().send(URLRequest(url: url))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (response.statusCode, object ?? [:])
    }

    @Test func healthReportsTheLatestSequenceNumber() throws {
        let fixture = try SyncFixture()
        let (status, body) = try get(fixture, "/api/v1/health")
        #expect(status == 200)
        #expect(body["status"] as? String == "ok")
        let latest = try fixture.onServer { try $0.latestSeq() }
        #expect((body["seq"] as? NSNumber)?.int64Value == latest)
    }

    @Test(arguments: [
        "/api/v1/changes?after=-1", "/api/v1/changes?after=x", "/api/v1/changes?limit=0",
        "/api/v1/changes?limit=100000", "/api/v1/blobs/not-a-sha",
    ])
    func badRequestGetsAJSONError(path: String) throws {
        let fixture = try SyncFixture()
        let (status, body) = try get(fixture, path)
        #expect(status == 400)
        #expect(body["error"] is String)
    }

    @Test func unknownBlobAndEndpointAreNotFound() throws {
        let fixture = try SyncFixture()
        #expect(try get(fixture, "/api/v1/blobs/" + String(repeating: "0", count: 64)).0 == 404)
        #expect(try get(fixture, "/api/v2/changes").0 == 404)
    }

    @Test func blobComesWithItsContentType() throws {
        let fixture = try SyncFixture()
        let post = try fixture.onServer { try $0.post(id: "post-greenhouse") }
        let sha256 = try #require(post?.image)
        let url = fixture.url.appendingPathComponent("api/v1/blobs/\(sha256)")
        let (data, response) = try BlockingHTTP().get(url)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "image/png")
        #expect(sha256Hex(data) == sha256)
    }

    @Test func serversOnPortZeroGetPortsOfTheirOwn() throws {
        let first = try SyncFixture()
        let second = try SyncFixture()
        #expect(first.server.port != 0)
        #expect(first.server.port != second.server.port)
    }
}
