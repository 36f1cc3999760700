/// The demo company as `assets/demo/company.json` describes it, with times
/// relative to a reference "now".
struct DemoCompany: Decodable {
    struct Site: Decodable {
        var id: String
        var name: String
        var city: String
        var timeZone: String
    }

    struct Person: Decodable {
        var id: String
        var site: String
        var name: String
        var role: [String: String]?
        var department: [String: String]?
        var photo: String?
        var languages: [String]?
    }

    struct Post: Decodable {
        var id: String
        var kind: String
        var site: String?
        var author: String?
        var title: [String: String]
        var body: [String: String]?
        var publishedHoursAgo: Double
        /// Counted from the time of publication.
        var pinnedForHours: Double?
        /// Counted from the reference time; negative for an expired post.
        var expiresInHours: Double?
        var image: String?
    }

    struct Event: Decodable {
        var id: String
        var site: String?
        var kind: String
        var title: [String: String]
        var details: [String: String]?
        var location: String?
        /// Whole days after the reference date.
        var day: Int
        /// Local wall time "HH:mm" in the site's time zone.
        var start: String?
        var durationMinutes: Int?
        var allDay: Bool?
        var capacity: Int?
    }

    struct Section: Decodable {
        var id: String
        var site: String?
        var kind: String
        var title: [String: String]
        var body: [String: String]?
        var position: Int
        var steps: [Step]?
    }

    struct Step: Decodable {
        var id: String
        var title: [String: String]
        var details: [String: String]?
        var day: Int
        var position: Int
    }

    var sites: [Site]
    var people: [Person]
    var posts: [Post]
    var events: [Event]
    var onboarding: [Section]
}
