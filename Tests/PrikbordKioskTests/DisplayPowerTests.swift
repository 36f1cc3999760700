import Foundation
import PrikbordKiosk
import PrikbordLocale
import Testing

struct DisplayPowerTests {
    let amsterdam = try! SiteCalendar(timeZone: TimeZoneID("Europe/Amsterdam"))

    /// 2026-12-03 at a local wall time in Amsterdam (UTC+1 in winter).
    func local(_ hour: Int, _ minute: Int = 0) -> Date {
        amsterdam.date(LocalTime(year: 2026, month: 12, day: 3, hour: hour, minute: minute))!
    }

    @Test(arguments: [
        ("22:00-05:30", 23, 0, true), ("22:00-05:30", 3, 15, true), ("22:00-05:30", 5, 30, false),
        ("22:00-05:30", 12, 0, false), ("22:00-05:30", 21, 59, false),
        ("12:00-13:00", 12, 30, true),
        ("12:00-13:00", 13, 0, false),
    ])
    func scheduleRunsPastMidnight(window: String, hour: Int, minute: Int, asleep: Bool) throws {
        let schedule = try #require(SleepSchedule(window))
        #expect(schedule.contains(local(hour, minute), in: amsterdam) == asleep)
    }

    // The nights the clocks change: the window is wall-clock time, so the
    // night is an hour longer or shorter, never shifted.
    @Test(arguments: [
        ("2026-10-25T02:30:00+02:00", true), ("2026-10-25T02:30:00+01:00", true),
        ("2026-10-25T05:29:00+01:00", true), ("2026-10-25T05:30:00+01:00", false),
        ("2026-03-29T01:59:00+01:00", true), ("2026-03-29T03:00:00+02:00", true),
        ("2026-03-29T05:30:00+02:00", false), ("2026-03-28T21:59:00+01:00", false),
    ])
    func sleepHoursFollowTheClockWhenItChanges(date: String, asleep: Bool) throws {
        let schedule = try #require(SleepSchedule("22:00-05:30"))
        #expect(try schedule.contains(Date(date, strategy: .iso8601), in: amsterdam) == asleep)
    }

    @Test(arguments: ["", "22:00", "25:00-05:00", "22:00-22:00", "ten-five", "22:60-05:00"])
    func badScheduleIsRefused(text: String) {
        #expect(SleepSchedule(text) == nil)
    }

    @Test func sleepHoursDarkenAndATouchWakesWithoutTapping() throws {
        var power = DisplayPower(
            schedule: SleepSchedule("22:00-05:30"), idleTimeout: nil, calendar: amsterdam,
            now: local(21, 0)
        )
        let result1 = power.update(at: local(21, 30))
        #expect(result1 == nil)
        let result2 = power.update(at: local(22, 1))
        #expect(result2 == false)
        #expect(!power.isOn)

        // The waking finger is absorbed from down to up: no tap reaches the UI.
        let result3 = power.absorbs(slot: 0, down: true, up: false, at: local(23, 0))
        #expect(result3)
        #expect(power.isOn)
        let result4 = power.absorbs(slot: 0, down: false, up: false, at: local(23, 0))
        #expect(result4)
        let result5 = power.absorbs(slot: 0, down: false, up: true, at: local(23, 0))
        #expect(result5)
        // The next touch is a normal one.
        let result6 = power.absorbs(slot: 0, down: true, up: false, at: local(23, 0))
        #expect(!result6)
        let result7 = power.update(at: local(23, 1))
        #expect(result7 == nil)
        // Two minutes after the last touch it goes dark again.
        let result8 = power.update(at: local(23, 3))
        #expect(result8 == false)
        // Morning comes: lit again without a touch.
        let result9 = power.update(at: local(5, 31).addingTimeInterval(86_400))
        #expect(result9 == true)
    }

    @Test func idleTimeoutDarkensDuringTheDay() {
        var power = DisplayPower(
            schedule: nil, idleTimeout: .seconds(600), calendar: amsterdam, now: local(10, 0)
        )
        let result10 = power.update(at: local(10, 9))
        #expect(result10 == nil)
        let result11 = power.update(at: local(10, 11))
        #expect(result11 == false)
        let result12 = power.absorbs(slot: 3, down: true, up: false, at: local(10, 20))
        #expect(result12)
        let result13 = power.update(at: local(10, 25))
        #expect(result13 == nil)
        #expect(power.isOn)
    }

    /// The owner sleeps until this moment, so a timeout of seconds ends on
    /// time rather than with the clock's next minute.
    @Test func idleDeadlineFollowsTheLastTouch() {
        let start = local(10, 0)
        var power = DisplayPower(
            schedule: nil, idleTimeout: .seconds(20), calendar: amsterdam, now: start)
        #expect(power.idleDeadline(at: start) == start.addingTimeInterval(20))

        let touched = start.addingTimeInterval(12.5)
        _ = power.absorbs(slot: 0, down: true, up: false, at: touched)
        #expect(power.idleDeadline(at: touched) == touched.addingTimeInterval(20))
        let early = power.update(at: touched.addingTimeInterval(19.9))
        #expect(early == nil)
        let dark = power.update(at: touched.addingTimeInterval(20))
        #expect(dark == false)
        // Dark, only a touch lights it: there is nothing to wait for.
        #expect(power.idleDeadline(at: touched.addingTimeInterval(20)) == nil)
    }

    @Test func duringSleepHoursTheWakeTimeoutIsTheDeadline() {
        var power = DisplayPower(
            schedule: SleepSchedule("22:00-05:30"), idleTimeout: .seconds(600),
            calendar: amsterdam, now: local(21, 0))
        #expect(power.idleDeadline(at: local(21, 5)) == local(21, 10))
        let dark = power.update(at: local(22, 0))
        #expect(dark == false)
        _ = power.absorbs(slot: 0, down: true, up: false, at: local(23, 0))
        #expect(power.idleDeadline(at: local(23, 0)) == local(23, 2))
    }

    @Test func withoutScheduleOrTimeoutTheScreenStaysLit() {
        var power = DisplayPower(
            schedule: nil, idleTimeout: nil, calendar: amsterdam, now: local(0))
        let result14 = power.update(at: local(23, 59))
        #expect(result14 == nil)
        #expect(power.isOn)
        let result15 = power.absorbs(slot: 0, down: true, up: false, at: local(23, 59))
        #expect(!result15)
        #expect(power.idleDeadline(at: local(23, 59)) == nil)
    }
}
