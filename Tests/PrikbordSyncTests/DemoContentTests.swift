import Foundation
import PrikbordModel
import PrikbordServer
import PrikbordStore
import Testing

@Suite struct DemoContentTests {
    @Test func fixtureTimesBecomeAbsoluteAroundNow() throws {
        let fixture = try SyncFixture()
        try fixture.onServer { store in
            let heat = try #require(try store.post(id: "post-heat"))
            #expect(heat.publishedAt == now.addingTimeInterval(-20 * 3600))
            #expect(heat.pinnedUntil == heat.publishedAt.addingTimeInterval(240 * 3600))
            let old = try #require(try store.post(id: "post-old-notice"))
            #expect(old.expiresAt == now.addingTimeInterval(-40 * 3600))

            let events = try store.events(
                siteID: nil, from: now, until: now.addingTimeInterval(30 * 86_400))
            let safety = try #require(events.first { $0.id == "event-safety" })
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
            let parts = calendar.dateComponents([.hour, .minute], from: safety.startsAt)
            #expect(parts.hour == 9 && parts.minute == 0)
            #expect(safety.endsAt == safety.startsAt.addingTimeInterval(90 * 60))
            let steps = try store.onboardingSteps(sectionID: "section-mission")
            #expect(steps.map(\.id) == ["step-walk"])
        }
    }

    /// The demo company in the repository's assets, when it is there.
    static let repositoryDemo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/demo")

    static var hasRepositoryDemo: Bool {
        FileManager.default.fileExists(
            atPath: repositoryDemo.appendingPathComponent("company.json").path)
    }

    @Test(.enabled(if: hasRepositoryDemo, "assets/demo/company.json is not in this checkout"))
    func repositoryDemoSeedsAndShowsAPinnedNoticeFirstAndNoExpiredOne() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("demo.sqlite").path)
        defer { store.close() }

        try DemoContent.seed(into: store, from: Self.repositoryDemo, now: now)

        #expect(try store.sites().count >= 2)
        #expect(try store.people(siteID: nil).count >= 40)
        let site = try #require(try store.sites().first)
        let feed = try store.newsFeed(siteID: site.id, now: now, limit: 100)
        #expect(feed.first?.isPinned(at: now) == true)
        #expect(feed.allSatisfy { $0.isVisible(at: now) })
    }
}
