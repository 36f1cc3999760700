import Foundation
import PrikbordModel
import PrikbordStore
import Testing

@Suite struct NewsFeedTests {
    private func feed(
        _ posts: [Post], site: String? = naaldwijk.id, at time: Date = now
    ) throws -> [String] {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("news.sqlite"))
        defer { store.close() }
        for post in posts { try store.save(post) }
        return try store.newsFeed(siteID: site, now: time, limit: 50).map(\.id)
    }

    @Test func pinnedNoticeComesFirstThenNewestFirst() throws {
        let posts = [
            makePost("old", published: hours(-48)),
            makePost("notice", kind: .notice, published: hours(-72), pinnedUntil: hours(24)),
            makePost("new", published: hours(-2)),
        ]
        #expect(try feed(posts) == ["notice", "new", "old"])
    }

    @Test func pinEndsAtPinnedUntil() throws {
        let posts = [
            makePost("notice", kind: .notice, published: hours(-72), pinnedUntil: hours(24)),
            makePost("new", published: hours(-2)),
        ]
        #expect(try feed(posts, at: hours(24)) == ["new", "notice"])
    }

    @Test func pinnedPostsAreNewestFirstAmongThemselves() throws {
        let posts = [
            makePost("a", kind: .notice, published: hours(-10), pinnedUntil: hours(5)),
            makePost("b", kind: .notice, published: hours(-5), pinnedUntil: hours(5)),
            makePost("c", published: hours(-1)),
        ]
        #expect(try feed(posts) == ["b", "a", "c"])
    }

    @Test func expiredNoticeIsNeverShown() throws {
        let posts = [
            makePost(
                "expired", kind: .notice, published: hours(-50), pinnedUntil: hours(10),
                expiresAt: hours(-1)),
            makePost("expiresNow", published: hours(-5), expiresAt: now),
            makePost("current", published: hours(-5), expiresAt: hours(1)),
        ]
        #expect(try feed(posts) == ["current"])
    }

    @Test func futurePostIsNotShownUntilPublished() throws {
        let posts = [makePost("later", published: hours(1)), makePost("now", published: now)]
        #expect(try feed(posts) == ["now"])
        #expect(try feed(posts, at: hours(1)) == ["later", "now"])
    }

    @Test func otherSitesPostsAreNotShown() throws {
        let posts = [
            makePost("here", site: naaldwijk.id, published: hours(-3)),
            makePost("there", site: venlo.id, published: hours(-2)),
            makePost("everywhere", site: nil, published: hours(-1)),
        ]
        #expect(try feed(posts) == ["everywhere", "here"])
        #expect(try feed(posts, site: venlo.id) == ["everywhere", "there"])
    }

    @Test func deletedPostIsNotShown() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("deleted.sqlite"))
        defer { store.close() }
        try store.save(makePost("gone"))
        try store.save(makePost("kept"))
        try store.delete(table: "post", id: "gone")

        #expect(try store.newsFeed(siteID: nil, now: now, limit: 10).map(\.id) == ["kept"])
    }

    @Test func pinThroughTheStoreMovesAPostOnTop() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("pin.sqlite"))
        defer { store.close() }
        try store.save(makePost("old", published: hours(-30)))
        try store.save(makePost("new", published: hours(-1)))
        try store.pin(postID: "old", until: hours(48))

        #expect(try store.newsFeed(siteID: nil, now: now, limit: 10).map(\.id) == ["old", "new"])
        #expect(throws: StoreError.self) { try store.pin(postID: "missing", until: hours(1)) }
    }

    @Test func postRoundTripsEveryField() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("roundtrip.sqlite"))
        defer { store.close() }
        var post = makePost("full", kind: .notice, site: venlo.id, pinnedUntil: hours(3))
        post.authorID = "p1"
        post.image = "abc"
        post.expiresAt = hours(100)
        try store.save(post)

        #expect(try store.post(id: "full") == post)
    }
}
