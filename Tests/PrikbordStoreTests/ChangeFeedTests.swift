import Foundation
import PrikbordModel
import PrikbordStore
import Testing

@Suite struct ChangeFeedTests {
    @Test func everySaveTakesTheNextSequenceNumber() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("server.sqlite"))
        defer { store.close() }
        try store.save(naaldwijk)
        try store.save(makePost("a"))
        try store.save(makePost("b"))
        try store.save(naaldwijk)

        let batch = try store.changes(after: 0, limit: 10, siteID: nil)
        #expect(batch.changes.map(\.seq) == [2, 3, 4])
        #expect(batch.changes.map(\.id) == ["a", "b", naaldwijk.id])
        #expect(batch.next == 4)
        #expect(batch.more == false)
    }

    @Test func pagesFollowTheCursor() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("pages.sqlite"))
        defer { store.close() }
        for index in 1...5 { try store.save(makePost("p\(index)")) }

        let first = try store.changes(after: 0, limit: 2, siteID: nil)
        let second = try store.changes(after: first.next, limit: 2, siteID: nil)
        let third = try store.changes(after: second.next, limit: 2, siteID: nil)
        #expect(first.changes.map(\.id) == ["p1", "p2"] && first.more)
        #expect(second.changes.map(\.id) == ["p3", "p4"] && second.more)
        #expect(third.changes.map(\.id) == ["p5"] && !third.more)
        #expect(third.next == 5)
    }

    @Test func siteSeesItsRowsAndAllSitesRowsOnly() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("filter.sqlite"))
        defer { store.close() }
        try store.save(naaldwijk)
        try store.save(venlo)
        try store.save(makePerson("here", name: "Ana Popescu"))
        try store.save(makePerson("there", name: "Ayşe Yılmaz", site: venlo.id))
        try store.save(makePost("venloPost", site: venlo.id))
        try store.save(makePost("allPost"))
        try store.save(
            Comment(id: "c1", postID: "venloPost", authorID: "there", body: "Ja", createdAt: now))
        try store.save(
            Comment(id: "c2", postID: "allPost", authorID: "here", body: "Ok", createdAt: now))

        let ids = try store.changes(after: 0, limit: 100, siteID: naaldwijk.id).changes.map(\.id)
        #expect(ids == [naaldwijk.id, venlo.id, "here", "allPost", "c2"])
    }

    @Test func deletedRowTravelsAsATombstone() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("tombstone.sqlite"))
        defer { store.close() }
        try store.save(makePost("gone"))
        try store.delete(table: "post", id: "gone")

        let change = try store.changes(after: 0, limit: 10, siteID: nil).changes
        #expect(change == [Change(seq: 2, table: "post", id: "gone", deleted: true, row: nil)])
    }
}
