import FoundationEssentials
import PrikbordPluginSDK
import Testing

/// A store with one site and nothing else, whose site can change as a sync
/// would change it.
@MainActor
final class SiteOnly: KioskData {
    var site: Site?

    init(timeZone: String?) {
        site = timeZone.map { Site(id: "s", name: "Naaldwijk", city: "Naaldwijk", timeZone: $0) }
    }

    func sites() -> [Site] { site.map { [$0] } ?? [] }
    func newsFeed(limit: Int) -> [Post] { [] }
    func people() -> [Person] { [] }
    func person(id: String) -> Person? { nil }
    func events(from: Date, until: Date) -> [Event] { [] }
    func onboardingSections() -> [OnboardingSection] { [] }
    func onboardingSteps(sectionID: String) -> [OnboardingStep] { [] }
    func image(_ sha256: String, atLeast side: Int) -> Image? { nil }
    func hasImage(_ sha256: String) -> Bool { false }
}

@MainActor
struct PluginContextTests {
    static let strings = [
        "time.now": "just now", "time.minutes": "{n} min ago", "time.hours": "{n} h ago",
        "time.yesterday": "yesterday", "time.days": "{n} days ago",
    ]

    func context(_ data: KioskData, language: String = "en", now: String) throws
        -> PluginContext
    {
        let now = instant(now)
        return PluginContext(
            data: data, theme: Theme(screenWidth: 1080, screenHeight: 1920),
            fonts: try FontLibrary(), strings: Strings(language: language, table: Self.strings),
            clock: { now })
    }

    func instant(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test(arguments: [
        ("2026-12-03T00:29:40+01:00", "just now"),
        ("2026-12-02T23:50:00+01:00", "40 min ago"),
        ("2026-12-03T00:05:00+01:00", "25 min ago"),
        // Over an hour and before midnight on the site's clock: yesterday,
        // though it is the same day in UTC.
        ("2026-12-02T23:10:00+01:00", "yesterday"),
        ("2026-12-01T23:59:00+01:00", "2 days ago"),
        ("2026-11-27T12:00:00+01:00", "6 days ago"),
        ("2026-11-26T12:00:00+01:00", "November 26"),
    ])
    func relativeTimeCountsDaysOnTheSitesClock(posted: String, expected: String) throws {
        let context = try context(
            SiteOnly(timeZone: "Europe/Amsterdam"), now: "2026-12-03T00:30:00+01:00")
        #expect(context.relativeTime(instant(posted)) == expected)
    }

    @Test func hoursAgoWithinTheSameDay() throws {
        let context = try context(
            SiteOnly(timeZone: "Europe/Amsterdam"), now: "2026-12-03T20:00:00+01:00")
        #expect(context.relativeTime(instant("2026-12-03T00:05:00+01:00")) == "19 h ago")
    }

    @Test func datesAreInTheWorkersLanguage() throws {
        let data = SiteOnly(timeZone: "Europe/Amsterdam")
        let date = instant("2026-12-03T08:30:00+01:00")
        let dutch = try context(data, language: "nl", now: "2026-12-03T08:30:00+01:00")
        #expect(dutch.format(date, "EEEE d MMMM") == "donderdag 3 december")
        let english = try context(data, language: "en", now: "2026-12-03T08:30:00+01:00")
        #expect(english.format(date, "EEEE d MMMM") == "Thursday, December 3")
        #expect(english.clockTime(date) == "08:30")
    }

    @Test func languageWithoutICUDataFallsBackToEnglish() throws {
        let context = try context(
            SiteOnly(timeZone: "Europe/Amsterdam"), language: "xx", now: "2026-12-03T08:30:00Z")
        #expect(context.locale == .english)
        #expect(context.format(context.now, "d MMMM") == "December 3")
    }

    @Test func clockFollowsTheSitesZoneAsSyncBringsIt() throws {
        let data = SiteOnly(timeZone: nil)
        let context = try context(data, now: "2026-12-03T07:30:00Z")
        #expect(context.timeZone == TimeZoneID.system)

        data.site = Site(id: "s", name: "Tokyo", city: "Tokyo", timeZone: "Asia/Tokyo")
        #expect(context.clockTime(context.now) == "16:30")
        #expect(context.calendar.timeZone.identifier == "Asia/Tokyo")

        data.site?.timeZone = "Europe/Amsterdam"
        #expect(context.clockTime(context.now) == "08:30")
        #expect(context.calendar.localTime(of: context.now).hour == 8)
    }

    @Test func unknownSiteZoneFallsBackToTheHosts() throws {
        let context = try context(
            SiteOnly(timeZone: "Europe/Atlantis"), now: "2026-12-03T07:30:00Z")
        #expect(context.timeZone == TimeZoneID.system)
        let hosts = try DateFormat(.fixed("HH:mm"), locale: .english, timeZone: .system)
        #expect(context.clockTime(context.now) == hosts.string(from: context.now))
    }

    @Test(arguments: [
        ("nl", ["Lars", "Łukasz", "Luuk", "Mateusz", "Zofia", "Борис"]),
        ("en", ["Lars", "Łukasz", "Luuk", "Mateusz", "Zofia", "Борис"]),
        ("pl", ["Lars", "Luuk", "Łukasz", "Mateusz", "Zofia", "Борис"]),
    ])
    func namesSortInTheWorkersLanguage(language: String, expected: [String]) throws {
        let context = try context(
            SiteOnly(timeZone: nil), language: language, now: "2026-12-03T07:30:00Z")
        let names = ["Zofia", "Борис", "Łukasz", "Mateusz", "Luuk", "Lars"]
        #expect(context.sorted(names, byName: { $0 }) == expected)
    }
}
