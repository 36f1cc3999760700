import FoundationEssentials
import PrikbordModel

/// A record the store saves: its table and its columns other than id, seq
/// and deleted.
protocol StoredRecord {
    static var table: String { get }
    var id: String { get }
    var columns: [String: SQLValue] { get }
    init(row: Row) throws
}

extension Site: StoredRecord {
    static let table = "site"

    var columns: [String: SQLValue] {
        ["name": .text(name), "city": .text(city), "time_zone": .text(timeZone)]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), name: try row.text("name"), city: try row.text("city"),
            timeZone: try row.text("time_zone"))
    }
}

extension Person: StoredRecord {
    static let table = "person"

    var columns: [String: SQLValue] {
        [
            "site_id": .text(siteID), "name": .text(name), "role": SQLValue(role),
            "department": SQLValue(department), "photo": SQLValue(photo),
            "languages": SQLValue(languages),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), siteID: try row.text("site_id"), name: try row.text("name"),
            role: try row.localized("role"), department: try row.localized("department"),
            photo: row.optionalText("photo"), languages: try row.strings("languages"))
    }
}

extension Post: StoredRecord {
    static let table = "post"

    var columns: [String: SQLValue] {
        [
            "kind": .text(kind.rawValue), "site_id": SQLValue(siteID),
            "author_id": SQLValue(authorID), "title": SQLValue(title), "body": SQLValue(body),
            "published_at": SQLValue(publishedAt), "pinned_until": SQLValue(pinnedUntil),
            "expires_at": SQLValue(expiresAt), "image": SQLValue(image),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), kind: try row.kind("kind"),
            siteID: row.optionalText("site_id"),
            authorID: row.optionalText("author_id"), title: try row.localized("title"),
            body: try row.localized("body"), publishedAt: try row.date("published_at"),
            pinnedUntil: row.optionalDate("pinned_until"),
            expiresAt: row.optionalDate("expires_at"), image: row.optionalText("image"))
    }
}

extension Comment: StoredRecord {
    static let table = "comment"

    var columns: [String: SQLValue] {
        [
            "post_id": .text(postID), "author_id": .text(authorID), "body": .text(body),
            "created_at": SQLValue(createdAt),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), postID: try row.text("post_id"),
            authorID: try row.text("author_id"), body: try row.text("body"),
            createdAt: try row.date("created_at"))
    }
}

extension Event: StoredRecord {
    static let table = "event"

    var columns: [String: SQLValue] {
        [
            "site_id": SQLValue(siteID), "kind": .text(kind.rawValue), "title": SQLValue(title),
            "details": SQLValue(details), "location": .text(location),
            "starts_at": SQLValue(startsAt), "ends_at": SQLValue(endsAt),
            "all_day": .integer(isAllDay ? 1 : 0), "time_zone": .text(timeZone),
            "recurrence": SQLValue(recurrence), "capacity": SQLValue(capacity),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), siteID: row.optionalText("site_id"),
            kind: try row.kind("kind"), title: try row.localized("title"),
            details: try row.localized("details"), location: try row.text("location"),
            startsAt: try row.date("starts_at"), endsAt: try row.date("ends_at"),
            isAllDay: try row.integer("all_day") != 0, timeZone: try row.text("time_zone"),
            recurrence: row.optionalText("recurrence"), capacity: row.optionalInteger("capacity"))
    }
}

extension OnboardingSection: StoredRecord {
    static let table = "onboarding_section"

    var columns: [String: SQLValue] {
        [
            "site_id": SQLValue(siteID), "kind": .text(kind.rawValue), "title": SQLValue(title),
            "body": SQLValue(body), "position": SQLValue(position),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), siteID: row.optionalText("site_id"),
            kind: try row.kind("kind"), title: try row.localized("title"),
            body: try row.localized("body"), position: try row.integer("position"))
    }
}

extension OnboardingStep: StoredRecord {
    static let table = "onboarding_step"

    var columns: [String: SQLValue] {
        [
            "section_id": .text(sectionID), "title": SQLValue(title),
            "details": SQLValue(details), "day": SQLValue(day), "position": SQLValue(position),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.text("id"), sectionID: try row.text("section_id"),
            title: try row.localized("title"), details: try row.localized("details"),
            day: try row.integer("day"), position: try row.integer("position"))
    }
}
