/// What the change feed knows about a synced table: its columns (beyond
/// `id`, `seq` and `deleted`) for validating incoming rows, and which rows a
/// site may see.
struct SyncedTable: Sendable {
    enum ColumnType: Sendable {
        case text, integer
    }

    struct Column: Sendable {
        var name: String
        var type: ColumnType
        var isRequired: Bool
    }

    var name: String
    var columns: [Column]
    /// A condition on the table's rows with `?1` standing for the site id;
    /// nil when every site sees every row.
    var siteFilter: String?

    func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
    }

    static func named(_ name: String) -> SyncedTable? {
        all.first { $0.name == name }
    }
}

private func text(_ name: String, required: Bool = true) -> SyncedTable.Column {
    .init(name: name, type: .text, isRequired: required)
}

private func integer(_ name: String, required: Bool = true) -> SyncedTable.Column {
    .init(name: name, type: .integer, isRequired: required)
}

private let forSite = "(site_id = ?1 OR site_id IS NULL)"
private let postForSite = "post_id IN (SELECT id FROM post WHERE \(forSite))"
private func personForSite(_ column: String) -> String {
    "\(column) IN (SELECT id FROM person WHERE site_id = ?1)"
}

extension SyncedTable {
    /// Every synced table, in the order a fresh store should take them.
    static let all: [SyncedTable] = [
        SyncedTable(
            name: "site",
            columns: [text("name"), text("city"), text("time_zone")],
            siteFilter: nil),
        SyncedTable(
            name: "person",
            columns: [
                text("site_id"), text("name"), text("role"), text("department"),
                text("photo", required: false), text("languages"),
            ],
            siteFilter: "site_id = ?1"),
        SyncedTable(
            name: "post",
            columns: [
                text("kind"), text("site_id", required: false),
                text("author_id", required: false), text("title"), text("body"),
                integer("published_at"), integer("pinned_until", required: false),
                integer("expires_at", required: false), text("image", required: false),
            ],
            siteFilter: forSite),
        SyncedTable(
            name: "comment",
            columns: [text("post_id"), text("author_id"), text("body"), integer("created_at")],
            siteFilter: postForSite),
        SyncedTable(
            name: "reaction",
            columns: [text("post_id"), text("person_id"), text("kind"), integer("created_at")],
            siteFilter: postForSite),
        SyncedTable(
            name: "follow",
            columns: [text("follower_id"), text("followee_id"), integer("created_at")],
            siteFilter: personForSite("follower_id")),
        SyncedTable(
            name: "event",
            columns: [
                text("site_id", required: false), text("kind"), text("title"),
                text("details"), text("location"), integer("starts_at"), integer("ends_at"),
                integer("all_day"), text("time_zone"), text("recurrence", required: false),
                integer("capacity", required: false),
            ],
            siteFilter: forSite),
        SyncedTable(
            name: "rsvp",
            columns: [text("event_id"), text("person_id"), text("status"), integer("created_at")],
            siteFilter: "event_id IN (SELECT id FROM event WHERE \(forSite))"),
        SyncedTable(
            name: "onboarding_section",
            columns: [
                text("site_id", required: false), text("kind"), text("title"), text("body"),
                integer("position"),
            ],
            siteFilter: forSite),
        SyncedTable(
            name: "onboarding_step",
            columns: [
                text("section_id"), text("title"), text("details"), integer("day"),
                integer("position"),
            ],
            siteFilter: "section_id IN (SELECT id FROM onboarding_section WHERE \(forSite))"),
        SyncedTable(
            name: "onboarding_progress",
            columns: [text("person_id"), text("step_id"), integer("completed_at")],
            siteFilter: personForSite("person_id")),
    ]
}
