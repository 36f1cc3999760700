import Foundation
import PrikbordStore
import Testing

@Suite struct MigrationTests {
    @Test func freshFileGetsTheWholeSchema() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("fresh.sqlite"))
        defer { store.close() }

        #expect(try store.schemaVersion() == 1)
        let tables = try store.database
            .query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0["name"]?.text }
        let expected = [
            "blob", "comment", "event", "follow", "onboarding_progress", "onboarding_section",
            "onboarding_step", "person", "post", "reaction", "rsvp", "site", "sync_state",
        ]
        #expect(tables == expected)
        #expect(try store.syncCursor() == 0)
    }

    @Test func freshFileUsesWALAndForeignKeys() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("pragmas.sqlite"))
        defer { store.close() }

        let mode = try store.database.query("PRAGMA journal_mode").first?["journal_mode"]
        let keys = try store.database.query("PRAGMA foreign_keys").first?["foreign_keys"]
        #expect(mode == .text("wal"))
        #expect(keys == .integer(1))
    }

    @Test func existingFileKeepsItsDataOnReopen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("existing.sqlite")
        let first = try Store(path: path)
        try first.save(naaldwijk)
        try first.save(makePerson("p1", name: "Zofia Kamińska"))
        first.close()

        let second = try Store(path: path)
        defer { second.close() }
        #expect(try second.schemaVersion() == 1)
        #expect(try second.sites() == [naaldwijk])
        #expect(try second.person(id: "p1")?.name == "Zofia Kamińska")
        #expect(try second.latestSeq() == 2)
    }

    @Test func laterMigrationRunsOnAnExistingFileAndKeepsData() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("upgrade.sqlite")
        let store = try Store(path: path)
        try store.save(naaldwijk)
        store.close()

        let database = try Database(path: path)
        defer { database.close() }
        let next = Migration(version: 2, sql: "ALTER TABLE site ADD COLUMN note TEXT")
        try database.migrate(Store.migrations + [next])

        #expect(try database.userVersion() == 2)
        let rows = try database.query("SELECT name, note FROM site")
        #expect(rows == [["name": .text("Kas Naaldwijk"), "note": .null]])
    }

    @Test func fileFromANewerBuildIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("newer.sqlite")
        let database = try Database(path: path)
        try database.execute("PRAGMA user_version = 99")
        database.close()

        #expect(throws: StoreError.self) { try Store(path: path) }
    }

    @Test func failedMigrationLeavesTheVersionAlone() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("broken.sqlite"))
        defer { database.close() }
        let broken = Migration(version: 2, sql: "CREATE TABLE x (a); CREATE TABLE x (b)")

        #expect(throws: StoreError.self) { try database.migrate(Store.migrations + [broken]) }
        #expect(try database.userVersion() == 1)
    }
}
