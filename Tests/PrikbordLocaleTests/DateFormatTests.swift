import FoundationEssentials
import PrikbordLocale
import Testing

struct DateFormatTests {
    func text(_ pattern: DateFormat.Pattern, _ locale: String, _ date: String) throws -> String {
        let format = try DateFormat(pattern, locale: LocaleID(locale), timeZone: amsterdam)
        return format.string(from: instant(date))
    }

    @Test(arguments: [
        ("nl", "EEEE d MMMM", "donderdag 3 december"),
        ("en", "EEEE d MMMM", "Thursday, December 3"),
        ("nl", "d MMMM", "3 december"),
        ("en", "d MMMM", "December 3"),
        ("pl", "EEEE d MMMM", "czwartek, 3 grudnia"),
    ])
    func skeletonTakesTheLocalesOrderAndWords(locale: String, skeleton: String, expected: String)
        throws
    {
        #expect(try text(.skeleton(skeleton), locale, "2026-12-03T08:30:00+01:00") == expected)
    }

    @Test(arguments: [
        // Summer time ends on 25 October 2026 at 03:00: 02:00-03:00 happens twice.
        ("2026-10-24T23:59:00+02:00", "23:59", "zaterdag 24 oktober"),
        ("2026-10-25T00:00:00+02:00", "00:00", "zondag 25 oktober"),
        ("2026-10-25T02:30:00+02:00", "02:30", "zondag 25 oktober"),
        ("2026-10-25T02:30:00+01:00", "02:30", "zondag 25 oktober"),
        ("2026-10-25T23:59:00+01:00", "23:59", "zondag 25 oktober"),
        // Summer time begins on 29 March 2026: 02:00 is 03:00.
        ("2026-03-29T01:59:00+01:00", "01:59", "zondag 29 maart"),
        ("2026-03-29T03:00:00+02:00", "03:00", "zondag 29 maart"),
    ])
    func clockFollowsTheZoneAcrossDST(date: String, clock: String, day: String) throws {
        #expect(try text(.fixed("HH:mm"), "nl", date) == clock)
        #expect(try text(.skeleton("EEEE d MMMM"), "nl", date) == day)
    }

    @Test func sameMomentReadsDifferentlyInAnotherZone() throws {
        let tokyo = try DateFormat(
            .fixed("HH:mm"), locale: LocaleID("en"), timeZone: TimeZoneID("Asia/Tokyo"))
        #expect(tokyo.string(from: instant("2026-12-03T08:30:00+01:00")) == "16:30")
    }

    @Test func unknownZoneIsRefusedWithItsName() {
        #expect {
            try TimeZoneID("Europe/Atlantis")
        } throws: { error in
            let description = "\(error)"
            return description.contains("Europe/Atlantis")
                && description.contains("U_ILLEGAL_ARGUMENT_ERROR")
        }
    }

    @Test(arguments: ["nl", "en", "en_GB", "pt-BR", "bg", "tr"])
    func knownLocalesAreTaken(identifier: String) throws {
        #expect(try LocaleID(identifier).identifier == identifier)
    }

    @Test(arguments: ["", "xx", "klingon", "!!"])
    func localeWithoutDataIsRefusedWithItsName(identifier: String) {
        #expect {
            try LocaleID(identifier)
        } throws: { error in
            "\(error)".contains("locale \(identifier)")
        }
    }

    @Test func systemZoneIsOneICUKnows() throws {
        let system = TimeZoneID.system
        #expect(try TimeZoneID(system.identifier) == system)
        #expect(try SiteCalendar(timeZone: system).timeZone == system)
    }

    @Test func timeThatIsNotANumberFormatsAsNothing() throws {
        let format = try DateFormat(.fixed("HH:mm"), locale: .english, timeZone: amsterdam)
        #expect(format.string(from: Date(timeIntervalSince1970: .nan)).isEmpty)
        #expect(format.string(from: Date(timeIntervalSince1970: .infinity)).isEmpty)
    }
}
