import Foundation
import PrikbordModel
import PrikbordStore
import Testing

@Suite struct ApplyTests {
    /// The server's feed for a handful of rows, as a kiosk would receive it.
    private func serverBatch(_ directory: TemporaryDirectory) throws -> ChangeBatch {
        let server = try Store(path: directory.path("server.sqlite"))
        defer { server.close() }
        try server.save(naaldwijk)
        try server.save(makePerson("p1", name: "Zofia Kamińska"))
        try server.save(makePost("n1", published: hours(-2)))
        try server.save(makePost("n2", published: hours(-1)))
        return try server.changes(after: 0, limit: 100, siteID: naaldwijk.id)
    }

    @Test func batchArrivesWithRowsAndCursor() throws {
        let directory = try TemporaryDirectory()
        let batch = try serverBatch(directory)
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }

        try kiosk.apply(batch)

        #expect(try kiosk.syncCursor() == 4)
        #expect(try kiosk.sites() == [naaldwijk])
        #expect(try kiosk.people(siteID: naaldwijk.id).map(\.name) == ["Zofia Kamińska"])
        let feed = try kiosk.newsFeed(siteID: naaldwijk.id, now: now, limit: 9)
        #expect(feed.map(\.id) == ["n2", "n1"])
    }

    @Test(arguments: [
        ("post", ["published_at": JSONValue.string("today")], "published_at is not an integer"),
        ("post", ["title": JSONValue.null], "title is missing"),
        ("post", ["colour": JSONValue.string("red")], "unknown column colour"),
        ("poster", [:], "unknown table"),
    ])
    func invalidChangeMidwayStoresNothing(
        table: String, edit: [String: JSONValue], reason: String
    ) throws {
        let directory = try TemporaryDirectory()
        var batch = try serverBatch(directory)
        batch.changes[2].table = table
        batch.changes[2].row?.merge(edit) { $1 }
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }

        let error = #expect(throws: InvalidChangeError.self) { try kiosk.apply(batch) }

        #expect(error?.description.contains(reason) == true)
        #expect(try kiosk.syncCursor() == 0)
        #expect(try kiosk.rowCount(table: "site") == 0)
        #expect(try kiosk.rowCount(table: "person") == 0)
    }

    @Test func constraintFailureMidwayRollsBackEarlierRows() throws {
        let directory = try TemporaryDirectory()
        var batch = try serverBatch(directory)
        // Valid as a column type, refused by the schema's CHECK on kinds.
        batch.changes[2].row?["kind"] = .string("advert")
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }

        let error = #expect(throws: StoreError.self) { try kiosk.apply(batch) }

        #expect(error?.code == 275)  // SQLITE_CONSTRAINT_CHECK
        #expect(error?.sql?.hasPrefix("INSERT INTO post") == true)
        #expect(error?.description.contains("Kamińska") == false)
        #expect(try kiosk.syncCursor() == 0)
        #expect(try kiosk.rowCount(table: "person") == 0)
    }

    @Test func replayedBatchAppliesOnce() throws {
        let directory = try TemporaryDirectory()
        let batch = try serverBatch(directory)
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }

        try kiosk.apply(batch)
        try kiosk.apply(batch)

        #expect(try kiosk.rowCount(table: "post") == 2)
        #expect(try kiosk.syncCursor() == 4)
    }

    @Test func olderChangeDoesNotOverwriteANewerRow() throws {
        let directory = try TemporaryDirectory()
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }
        func change(_ seq: Int64, _ name: String) -> Change {
            Change(
                seq: seq, table: "site", id: "s", deleted: false,
                row: [
                    "name": .string(name), "city": .string("Venlo"),
                    "time_zone": .string("Europe/Amsterdam"),
                ])
        }

        try kiosk.apply(ChangeBatch(changes: [change(7, "new")], next: 7, more: false))
        try kiosk.apply(ChangeBatch(changes: [change(3, "old")], next: 3, more: false))

        #expect(try kiosk.site(id: "s")?.name == "new")
        #expect(try kiosk.syncCursor() == 7)
    }

    @Test func tombstoneHidesTheRow() throws {
        let directory = try TemporaryDirectory()
        let kiosk = try Store(path: directory.path("kiosk.sqlite"))
        defer { kiosk.close() }
        try kiosk.apply(try serverBatch(directory))
        let tombstone = Change(seq: 5, table: "post", id: "n1", deleted: true, row: nil)

        try kiosk.apply(ChangeBatch(changes: [tombstone], next: 5, more: false))

        #expect(try kiosk.newsFeed(siteID: nil, now: now, limit: 9).map(\.id) == ["n2"])
    }

    @Test func blobsAreNamedByTheirSHA256AndMissingOnesListed() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("blobs.sqlite"))
        defer { store.close() }
        var person = makePerson("p1", name: "Ivan Petrov")
        person.photo = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        try store.save(person)
        #expect(try store.missingBlobs() == [person.photo!])

        let name = try store.putBlob(Data(), mime: "image/jpeg")

        #expect(name == person.photo)
        #expect(try store.missingBlobs().isEmpty)
        #expect(try store.blob(name) == Data())
    }
}
