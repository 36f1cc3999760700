import FoundationEssentials
import PrikbordLog
import PrikbordModel

extension Store {
    public func sites() throws -> [Site] {
        try fetch(Site.self, "SELECT * FROM site WHERE deleted = 0 ORDER BY name, id")
    }

    public func site(id: String) throws -> Site? {
        try fetch(Site.self, "SELECT * FROM site WHERE id = ?1 AND deleted = 0", [.text(id)]).first
    }

    /// The news a site's kiosk shows at `now`: posts for that site and for all
    /// sites that are published, not expired and not deleted. Pinned posts
    /// (pin-until still ahead) come first, newest first within each group.
    /// A nil `siteID` shows the posts of every site.
    public func newsFeed(siteID: String?, now: Date, limit: Int) throws -> [Post] {
        let sql = """
            SELECT * FROM post
            WHERE deleted = 0
              AND published_at <= ?2
              AND (expires_at IS NULL OR expires_at > ?2)
              AND (?1 IS NULL OR site_id = ?1 OR site_id IS NULL)
            ORDER BY (pinned_until IS NOT NULL AND pinned_until > ?2) DESC,
                     published_at DESC, id
            LIMIT ?3
            """
        return try fetch(Post.self, sql, [SQLValue(siteID), SQLValue(now), SQLValue(limit)])
    }

    /// The directory of a site (every site when nil), by the bytes of the
    /// names: a fixed order, not a reader's. Names here are Polish, Turkish,
    /// Bulgarian, and SQLite's collations know nothing of Ł or İ; whoever
    /// shows a list sorts it in the reader's language (the kiosk with ICU).
    public func people(siteID: String?) throws -> [Person] {
        let sql = """
            SELECT * FROM person
            WHERE deleted = 0 AND (?1 IS NULL OR site_id = ?1)
            ORDER BY name, id
            """
        return try fetch(Person.self, sql, [SQLValue(siteID)])
    }

    public func person(id: String) throws -> Person? {
        let sql = "SELECT * FROM person WHERE id = ?1 AND deleted = 0"
        return try fetch(Person.self, sql, [.text(id)]).first
    }

    public func post(id: String) throws -> Post? {
        try fetch(Post.self, "SELECT * FROM post WHERE id = ?1 AND deleted = 0", [.text(id)]).first
    }

    /// Agenda items of a site and of all sites that overlap [from, until), by start.
    public func events(siteID: String?, from: Date, until: Date) throws -> [Event] {
        let sql = """
            SELECT * FROM event
            WHERE deleted = 0 AND ends_at > ?2 AND starts_at < ?3
              AND (?1 IS NULL OR site_id = ?1 OR site_id IS NULL)
            ORDER BY starts_at, id
            """
        return try fetch(Event.self, sql, [SQLValue(siteID), SQLValue(from), SQLValue(until)])
    }

    public func onboardingSections(siteID: String?) throws -> [OnboardingSection] {
        let sql = """
            SELECT * FROM onboarding_section
            WHERE deleted = 0 AND (?1 IS NULL OR site_id = ?1 OR site_id IS NULL)
            ORDER BY position, id
            """
        return try fetch(OnboardingSection.self, sql, [SQLValue(siteID)])
    }

    public func onboardingSteps(sectionID: String) throws -> [OnboardingStep] {
        let sql = """
            SELECT * FROM onboarding_step
            WHERE deleted = 0 AND section_id = ?1
            ORDER BY day, position, id
            """
        return try fetch(OnboardingStep.self, sql, [.text(sectionID)])
    }

    /// Comments on a post, oldest first.
    public func comments(postID: String) throws -> [Comment] {
        let sql = """
            SELECT * FROM comment WHERE deleted = 0 AND post_id = ?1
            ORDER BY created_at, id
            """
        return try fetch(Comment.self, sql, [.text(postID)])
    }

    /// Rows in a table, tombstones included; for checks and tests.
    public func rowCount(table: String) throws -> Int {
        guard let table = SyncedTable.named(table)?.name ?? (table == "blob" ? "blob" : nil)
        else { throw StoreError.notFound("table \(table)") }
        let row = try database.query("SELECT count(*) AS n FROM \(table)").first
        return Int(row?["n"]?.integer ?? 0)
    }

    func fetch<Record: StoredRecord>(
        _ type: Record.Type, _ sql: String, _ values: [SQLValue] = []
    ) throws -> [Record] {
        // A row that cannot be read as a record is left out with a log line,
        // so one damaged row never empties a screen.
        try database.query(sql, values).compactMap { row in
            do {
                return try Record(row: Row(Record.table, row))
            } catch {
                Log.warning(
                    "stored row cannot be read; left out",
                    [
                        "store.table": Record.table, "store.id": row["id"]?.text ?? "?",
                        "error": "\(error)",
                    ]
                )
                return nil
            }
        }
    }
}
