import Foundation
import PrikbordModel
import PrikbordServer
import PrikbordStore
import PrikbordSync
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct SyncTests {
    @Test func kioskConvergesOnTheServersRowsAndBlobs() throws {
        let fixture = try SyncFixture()

        let report = try fixture.client().syncOnce(into: fixture.kiosk)

        let server = try fixture.onServer { try contents(of: $0) }
        #expect(try contents(of: fixture.kiosk) == server)
        #expect(report.blobsFetched == 3)
        #expect(try fixture.kiosk.missingBlobs().isEmpty)
        #expect(report.cursor == (try fixture.onServer { try $0.latestSeq() }))
        #expect(try fixture.kiosk.syncCursor() == report.cursor)
    }

    @Test func smallPagesConvergeToo() throws {
        let fixture = try SyncFixture()

        let report = try fixture.client(batchSize: 2).syncOnce(into: fixture.kiosk)

        #expect(try contents(of: fixture.kiosk) == (try fixture.onServer { try contents(of: $0) }))
        #expect(report.applied == (try fixture.onServer { try $0.latestSeq() }))
    }

    @Test func kioskOfASiteGetsItsRowsAndAllSitesRowsOnly() throws {
        let fixture = try SyncFixture()

        _ = try fixture.client(site: "site-venlo").syncOnce(into: fixture.kiosk)

        #expect(try fixture.kiosk.people(siteID: nil).map(\.name) == ["Emre Yıldız"])
        let feed = try fixture.kiosk.newsFeed(siteID: "site-venlo", now: now, limit: 10)
        #expect(feed.map(\.id) == ["post-heat", "post-venlo", "post-cake"])
        #expect(try fixture.kiosk.rowCount(table: "blob") == 1)
    }

    @Test func changeAfterTheFirstSyncArrivesOnTheSecond() throws {
        let fixture = try SyncFixture()
        let client = fixture.client()
        _ = try client.syncOnce(into: fixture.kiosk)
        try fixture.onServer { store in
            var renamed = try #require(try store.person(id: "person-stoyan"))
            renamed.name = "Стоян Иванов"
            try store.save(renamed)
        }

        let second = try client.syncOnce(into: fixture.kiosk)

        #expect(second.applied == 1)
        #expect(try fixture.kiosk.person(id: "person-stoyan")?.name == "Стоян Иванов")
        #expect(try client.syncOnce(into: fixture.kiosk).applied == 0)
    }

    @Test func pinThroughTheHTTPEndpointPutsThePostFirstAfterTheNextSync() throws {
        let fixture = try SyncFixture()
        let client = fixture.client(site: "site-naaldwijk")
        _ = try client.syncOnce(into: fixture.kiosk)
        let before = try fixture.kiosk.newsFeed(siteID: "site-naaldwijk", now: now, limit: 10)
        #expect(before.map(\.id) == ["post-heat", "post-greenhouse", "post-cake"])

        let until = Int64(now.timeIntervalSince1970) + 86_400
        var request = URLRequest(
            url: fixture.url.appendingPathComponent("api/v1/posts/post-greenhouse/pin"))
        request.httpMethod = "POST"
        request.httpBody = Data("until=\(until)".utf8)
        let (_, response) = try BlockingHTTP().send(request)
        #expect(response.statusCode == 200)
        _ = try client.syncOnce(into: fixture.kiosk)

        let after = try fixture.kiosk.newsFeed(siteID: "site-naaldwijk", now: now, limit: 10)
        #expect(after.map(\.id) == ["post-greenhouse", "post-heat", "post-cake"])
    }

    @Test func batchFailingMidwayLeavesTheKioskAsItWasAndTheRetryAppliesOnce() throws {
        let fixture = try SyncFixture()
        let client = fixture.client()
        _ = try client.syncOnce(into: fixture.kiosk)
        let cursor = try fixture.kiosk.syncCursor()
        let rows = try contents(of: fixture.kiosk)
        try fixture.onServer { store in
            for id in ["new-1", "new-2", "new-3"] {
                try store.save(
                    Post(
                        id: id, kind: .news, siteID: nil, authorID: nil,
                        title: LocalizedText(["en": id]), body: LocalizedText(["en": ""]),
                        publishedAt: now, pinnedUntil: nil, expiresAt: nil, image: nil))
            }
            // A row the schema's types do not allow, as a buggy server would send it.
            try store.database.run("UPDATE post SET published_at = 'soon' WHERE id = 'new-2'")
        }

        #expect(throws: SyncError.self) { try client.syncOnce(into: fixture.kiosk) }
        #expect(try fixture.kiosk.syncCursor() == cursor)
        #expect(try contents(of: fixture.kiosk) == rows)

        try fixture.onServer { store in
            try store.database.run("UPDATE post SET published_at = 1760000000 WHERE id = 'new-2'")
        }
        let retry = try client.syncOnce(into: fixture.kiosk)

        #expect(retry.applied == 3)
        #expect(try fixture.kiosk.rowCount(table: "post") == rows["post"]!.count + 3)
        #expect(try fixture.kiosk.syncCursor() == cursor + 3)
        #expect(try contents(of: fixture.kiosk) == (try fixture.onServer { try contents(of: $0) }))
    }

    @Test(arguments: [
        "{\"changes\": [",
        "<html>Gateway timeout</html>",
        "{\"changes\": [], \"more\": false}",
        "{\"changes\": [{\"seq\": 1, \"table\": \"site\"}], \"next\": 1, \"more\": false}",
    ])
    func malformedAnswerStoresNothing(body: String) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-malformed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let kiosk = try Store(path: directory.appendingPathComponent("kiosk.sqlite").path)
        defer { kiosk.close() }
        let server = try StaticHTTPServer(body: body)
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)"))
        let client = SyncClient(server: url, siteID: nil)

        let error = #expect(throws: SyncError.self) { try client.syncOnce(into: kiosk) }

        guard case .badResponse? = error else {
            Issue.record("expected badResponse, got \(String(describing: error))")
            return
        }
        #expect(try kiosk.syncCursor() == 0)
        #expect(try contents(of: kiosk).values.allSatisfy(\.isEmpty))
    }

    @Test func unreachableServerIsReportedWithItsURL() throws {
        let fixture = try SyncFixture()
        let url = fixture.url
        fixture.server.stop()

        let error = #expect(throws: SyncError.self) {
            try SyncClient(server: url, siteID: nil).syncOnce(into: fixture.kiosk)
        }

        guard case .unreachable(let detail)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(detail.contains(url.absoluteString))
        #expect(try fixture.kiosk.syncCursor() == 0)
    }
}
