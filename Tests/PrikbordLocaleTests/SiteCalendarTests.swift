import FoundationEssentials
import PrikbordLocale
import Testing

struct SiteCalendarTests {
    @Test(arguments: [
        ("2026-12-03T00:00:00+01:00", "2026-12-03T00:00:00+01:00"),
        ("2026-12-03T23:59:59+01:00", "2026-12-03T00:00:00+01:00"),
        ("2026-12-04T00:00:01+01:00", "2026-12-04T00:00:00+01:00"),
        // The 25-hour day when summer time ends begins in summer time.
        ("2026-10-25T23:30:00+01:00", "2026-10-25T00:00:00+02:00"),
        ("2026-10-25T02:30:00+01:00", "2026-10-25T00:00:00+02:00"),
        // The 23-hour day when it begins starts in winter time.
        ("2026-03-29T12:00:00+02:00", "2026-03-29T00:00:00+01:00"),
    ])
    func dayStartsAtLocalMidnight(date: String, start: String) {
        #expect(amsterdamCalendar().startOfDay(for: instant(date)) == instant(start))
    }

    @Test func dayStartsAfterTheGapWhereMidnightIsSkipped() throws {
        // Chile's summer time begins at midnight: 6 September 2026 starts at 01:00.
        let santiago = try SiteCalendar(timeZone: TimeZoneID("America/Santiago"))
        let start = santiago.startOfDay(for: instant("2026-09-06T12:00:00-03:00"))
        #expect(start == instant("2026-09-06T01:00:00-03:00"))
        #expect(santiago.localTime(of: start).hour == 1)
    }

    @Test func addingDaysKeepsTheWallTimeAcrossDST() {
        let calendar = amsterdamCalendar()
        let saturday = instant("2026-10-24T00:00:00+02:00")
        #expect(
            calendar.date(byAddingDays: 1, to: saturday) == instant("2026-10-25T00:00:00+02:00"))
        #expect(
            calendar.date(byAddingDays: 2, to: saturday) == instant("2026-10-26T00:00:00+01:00"))
        #expect(
            calendar.date(byAddingDays: -1, to: instant("2026-03-30T09:00:00+02:00"))
                == instant("2026-03-29T09:00:00+02:00"))
        #expect(
            calendar.date(byAddingDays: 42, to: instant("2026-10-20T08:30:00+02:00"))
                == instant("2026-12-01T08:30:00+01:00"))
    }

    @Test(arguments: [
        ("2026-12-03T23:59:00+01:00", "2026-12-04T00:01:00+01:00", 1),
        ("2026-12-04T00:01:00+01:00", "2026-12-03T23:59:00+01:00", -1),
        ("2026-12-03T00:01:00+01:00", "2026-12-03T23:59:00+01:00", 0),
        // Midnight in Amsterdam is 23:00 UTC: a UTC count would say 0 here.
        ("2026-12-03T22:30:00+00:00", "2026-12-03T23:30:00+00:00", 1),
        // The long day is still one day.
        ("2026-10-25T00:00:00+02:00", "2026-10-25T23:59:00+01:00", 0),
        ("2026-10-24T12:00:00+02:00", "2026-10-26T12:00:00+01:00", 2),
        ("2026-03-28T12:00:00+01:00", "2026-03-30T00:00:00+02:00", 2),
        ("2026-12-03T12:00:00+01:00", "2027-01-03T12:00:00+01:00", 31),
    ])
    func daysCountMidnightsOnTheSitesClock(from: String, to: String, days: Int) {
        let calendar = amsterdamCalendar()
        #expect(calendar.days(from: instant(from), to: instant(to)) == days)
        #expect(calendar.isDate(instant(from), inSameDayAs: instant(to)) == (days == 0))
    }

    @Test func localTimeIsTheWallClock() {
        let time = amsterdamCalendar().localTime(of: instant("2026-10-25T01:30:00Z"))
        #expect(time == LocalTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30))
        #expect(time.minuteOfDay == 150)
    }

    @Test(arguments: [
        (wall(2026, 12, 3, 8, 30), "2026-12-03T08:30:00+01:00"),
        // 02:30 does not exist on 29 March; the clock reads 03:00 at the end of the gap.
        (wall(2026, 3, 29, 2, 30), "2026-03-29T03:00:00+02:00"),
        // 02:30 happens twice on 25 October; the first is meant.
        (wall(2026, 10, 25, 2, 30), "2026-10-25T02:30:00+02:00"),
        (wall(2026, 12, 32, 0, 0), "2027-01-01T00:00:00+01:00"),
    ])
    func wallTimeBecomesAnInstant(time: LocalTime, expected: String) throws {
        #expect(try #require(amsterdamCalendar().date(time)) == instant(expected))
    }

    @Test func instantsBeyondTheCalendarDoNotTrap() {
        let calendar = amsterdamCalendar()
        let never = Date(timeIntervalSince1970: .infinity)
        #expect(calendar.startOfDay(for: never) == never)
        #expect(calendar.date(byAddingDays: 1, to: never) == never)
        #expect(calendar.days(from: instant("2026-12-03T08:30:00+01:00"), to: never) != 1)
        // ICU pins what lies past its calendar to its last day.
        let far = Date(timeIntervalSince1970: 1e16)
        #expect(calendar.startOfDay(for: far) < far)
        #expect(calendar.days(from: .distantPast, to: .distantFuture) > 1_000_000)
    }
}

private func wall(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> LocalTime {
    LocalTime(year: year, month: month, day: day, hour: hour, minute: minute)
}
