import FoundationEssentials

/// A place where people work and a kiosk hangs: a greenhouse, a packing hall.
public struct Site: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var city: String
    /// IANA time zone name; the agenda groups days in this zone.
    public var timeZone: String

    public init(id: String, name: String, city: String, timeZone: String) {
        self.id = id
        self.name = name
        self.city = city
        self.timeZone = timeZone
    }
}

/// Someone in the staff directory.
public struct Person: Sendable, Hashable, Identifiable {
    public var id: String
    public var siteID: String
    public var name: String
    public var role: LocalizedText
    public var department: LocalizedText
    /// SHA-256 of the photo blob, when the person has one and consented
    /// to show it.
    public var photo: String?
    public var languages: [String]

    public init(
        id: String, siteID: String, name: String, role: LocalizedText,
        department: LocalizedText, photo: String?, languages: [String]
    ) {
        self.id = id
        self.siteID = siteID
        self.name = name
        self.role = role
        self.department = department
        self.photo = photo
        self.languages = languages
    }

    /// Up to two letters for an avatar without a photo: "Zofia Kamińska" → "ZK".
    public var initials: String {
        let words = name.split(separator: " ").filter { !$0.isEmpty }
        let letters = [words.first, words.count > 1 ? words.last : nil]
            .compactMap { $0?.first }
        return String(letters).uppercased()
    }
}

public enum PostKind: String, Sendable, Hashable, CaseIterable {
    /// Company news written by a site manager.
    case news
    /// A notice a site manager pins on top of the news until its pin ends.
    case notice
    /// Something a worker posted at the kiosk.
    case worker
}

/// An item in the news: news, a notice, or a worker's post.
public struct Post: Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: PostKind
    /// The site it is for; nil for every site.
    public var siteID: String?
    public var authorID: String?
    public var title: LocalizedText
    public var body: LocalizedText
    public var publishedAt: Date
    /// Shown above other posts until this time.
    public var pinnedUntil: Date?
    /// Never shown from this time on.
    public var expiresAt: Date?
    /// SHA-256 of an image blob.
    public var image: String?

    public init(
        id: String, kind: PostKind, siteID: String?, authorID: String?,
        title: LocalizedText, body: LocalizedText, publishedAt: Date,
        pinnedUntil: Date?, expiresAt: Date?, image: String?
    ) {
        self.id = id
        self.kind = kind
        self.siteID = siteID
        self.authorID = authorID
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.pinnedUntil = pinnedUntil
        self.expiresAt = expiresAt
        self.image = image
    }

    public func isPinned(at now: Date) -> Bool {
        guard let pinnedUntil else { return false }
        return pinnedUntil > now
    }

    public func isVisible(at now: Date) -> Bool {
        publishedAt <= now && (expiresAt.map { $0 > now } ?? true)
    }
}

public struct Comment: Sendable, Hashable, Identifiable {
    public var id: String
    public var postID: String
    public var authorID: String
    public var body: String
    public var createdAt: Date

    public init(id: String, postID: String, authorID: String, body: String, createdAt: Date) {
        self.id = id
        self.postID = postID
        self.authorID = authorID
        self.body = body
        self.createdAt = createdAt
    }
}

public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case training, safety, outing, meeting, social
}

/// An item in the agenda.
public struct Event: Sendable, Hashable, Identifiable {
    public var id: String
    public var siteID: String?
    public var kind: EventKind
    public var title: LocalizedText
    public var details: LocalizedText
    public var location: String
    public var startsAt: Date
    public var endsAt: Date
    public var isAllDay: Bool
    /// IANA time zone the event was planned in.
    public var timeZone: String
    /// An iCalendar RRULE, when the event repeats.
    public var recurrence: String?
    public var capacity: Int?

    public init(
        id: String, siteID: String?, kind: EventKind, title: LocalizedText,
        details: LocalizedText, location: String, startsAt: Date, endsAt: Date,
        isAllDay: Bool, timeZone: String, recurrence: String?, capacity: Int?
    ) {
        self.id = id
        self.siteID = siteID
        self.kind = kind
        self.title = title
        self.details = details
        self.location = location
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.isAllDay = isAllDay
        self.timeZone = timeZone
        self.recurrence = recurrence
        self.capacity = capacity
    }
}

public enum OnboardingSectionKind: String, Sendable, Hashable, CaseIterable {
    case mission, vision, goals, schedule, documents
}

/// A chapter of what a new worker reads in week one.
public struct OnboardingSection: Sendable, Hashable, Identifiable {
    public var id: String
    public var siteID: String?
    public var kind: OnboardingSectionKind
    public var title: LocalizedText
    public var body: LocalizedText
    public var position: Int

    public init(
        id: String, siteID: String?, kind: OnboardingSectionKind,
        title: LocalizedText, body: LocalizedText, position: Int
    ) {
        self.id = id
        self.siteID = siteID
        self.kind = kind
        self.title = title
        self.body = body
        self.position = position
    }
}

/// One thing to do in onboarding, e.g. "Day 1, 08:00: safety walk".
public struct OnboardingStep: Sendable, Hashable, Identifiable {
    public var id: String
    public var sectionID: String
    public var title: LocalizedText
    public var details: LocalizedText
    /// Working day of the first weeks this step belongs to, from 1.
    public var day: Int
    public var position: Int

    public init(
        id: String, sectionID: String, title: LocalizedText,
        details: LocalizedText, day: Int, position: Int
    ) {
        self.id = id
        self.sectionID = sectionID
        self.title = title
        self.details = details
        self.day = day
        self.position = position
    }
}
