extension Store {
    /// The schema, as a list of migrations. The kiosk and the server run
    /// the same list.
    public static let migrations: [Migration] = [
        Migration(version: 1, sql: schemaVersion1)
    ]
}

// Synced tables carry no foreign keys: the change feed is ordered by each
// row's last change, not by dependency, and a kiosk holds only its site's
// subset (a post for all sites may have an author from another site).
// TODO: foreign keys for the kiosk's local outbox tables once they exist.
private let schemaVersion1 = """
    CREATE TABLE site (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL,
        city TEXT NOT NULL,
        time_zone TEXT NOT NULL
    );
    CREATE TABLE person (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        site_id TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '{}',
        department TEXT NOT NULL DEFAULT '{}',
        photo TEXT,
        languages TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX person_by_site ON person (site_id, name);
    CREATE TABLE post (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL CHECK (kind IN ('news', 'notice', 'worker')),
        site_id TEXT,
        author_id TEXT,
        title TEXT NOT NULL DEFAULT '{}',
        body TEXT NOT NULL DEFAULT '{}',
        published_at INTEGER NOT NULL,
        pinned_until INTEGER,
        expires_at INTEGER,
        image TEXT
    );
    CREATE INDEX post_by_published ON post (published_at);
    CREATE TABLE comment (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        post_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX comment_by_post ON comment (post_id, created_at);
    CREATE TABLE reaction (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        post_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX reaction_by_post ON reaction (post_id);
    CREATE TABLE follow (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        follower_id TEXT NOT NULL,
        followee_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE event (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        site_id TEXT,
        kind TEXT NOT NULL
            CHECK (kind IN ('training', 'safety', 'outing', 'meeting', 'social')),
        title TEXT NOT NULL DEFAULT '{}',
        details TEXT NOT NULL DEFAULT '{}',
        location TEXT NOT NULL DEFAULT '',
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        all_day INTEGER NOT NULL DEFAULT 0,
        time_zone TEXT NOT NULL,
        recurrence TEXT,
        capacity INTEGER
    );
    CREATE INDEX event_by_start ON event (starts_at);
    CREATE TABLE rsvp (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        event_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE onboarding_section (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        site_id TEXT,
        kind TEXT NOT NULL
            CHECK (kind IN ('mission', 'vision', 'goals', 'schedule', 'documents')),
        title TEXT NOT NULL DEFAULT '{}',
        body TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL
    );
    CREATE TABLE onboarding_step (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        section_id TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '{}',
        details TEXT NOT NULL DEFAULT '{}',
        day INTEGER NOT NULL,
        position INTEGER NOT NULL
    );
    CREATE INDEX onboarding_step_by_section ON onboarding_step (section_id, day, position);
    CREATE TABLE onboarding_progress (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        person_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        completed_at INTEGER NOT NULL
    );
    CREATE TABLE blob (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL
    );
    -- One row. `cursor`: the kiosk's position in the server's change feed.
    -- `last_seq`: on the server, the last sequence number handed out.
    CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor INTEGER NOT NULL DEFAULT 0,
        last_seq INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO sync_state (id) VALUES (1);
    CREATE INDEX site_by_seq ON site (seq);
    CREATE INDEX person_by_seq ON person (seq);
    CREATE INDEX post_by_seq ON post (seq);
    CREATE INDEX comment_by_seq ON comment (seq);
    CREATE INDEX reaction_by_seq ON reaction (seq);
    CREATE INDEX follow_by_seq ON follow (seq);
    CREATE INDEX event_by_seq ON event (seq);
    CREATE INDEX rsvp_by_seq ON rsvp (seq);
    CREATE INDEX onboarding_section_by_seq ON onboarding_section (seq);
    CREATE INDEX onboarding_step_by_seq ON onboarding_step (seq);
    CREATE INDEX onboarding_progress_by_seq ON onboarding_progress (seq);
    """
