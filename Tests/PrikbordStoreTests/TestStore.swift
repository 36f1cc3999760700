import Foundation
import PrikbordModel
import PrikbordStore

/// A fresh directory under the system's temporary directory, removed on deinit.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Fixed points in time for the tests: "now" and hours around it.
let now = Date(timeIntervalSince1970: 1_760_000_000)

func hours(_ count: Double) -> Date {
    now.addingTimeInterval(count * 3600)
}

let naaldwijk = Site(
    id: "site-naaldwijk", name: "Kas Naaldwijk", city: "Naaldwijk",
    timeZone: "Europe/Amsterdam")
let venlo = Site(id: "site-venlo", name: "Kas Venlo", city: "Venlo", timeZone: "Europe/Amsterdam")

func makePost(
    _ id: String, kind: PostKind = .news, site: String? = nil, published: Date = hours(-1),
    pinnedUntil: Date? = nil, expiresAt: Date? = nil
) -> Post {
    Post(
        id: id, kind: kind, siteID: site, authorID: nil,
        title: LocalizedText(["nl": "Titel \(id)", "en": "Title \(id)"]),
        body: LocalizedText(["en": "Body"]), publishedAt: published,
        pinnedUntil: pinnedUntil, expiresAt: expiresAt, image: nil)
}

func makePerson(_ id: String, name: String, site: String = naaldwijk.id) -> Person {
    Person(
        id: id, siteID: site, name: name, role: LocalizedText(["en": "Picker"]),
        department: LocalizedText(["en": "Harvest"]), photo: nil, languages: ["pl", "en"])
}
