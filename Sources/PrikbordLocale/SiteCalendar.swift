import CICUShim
import FoundationEssentials

/// A wall time: what a clock and a calendar on the wall show.
public struct LocalTime: Hashable, Sendable {
    public var year: Int
    /// 1 for January.
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Minutes since midnight: 0 to 1439.
    public var minuteOfDay: Int { hour * 60 + minute }
}

/// The Gregorian calendar of one time zone, the way it hangs on a site's
/// wall: where its days begin, what day and time an instant is there, the
/// same time some days later.
///
/// Days follow the zone's clocks, so a day with a DST change lasts 23 or 25
/// hours. ICU pins instants beyond its calendar (millions of years away)
/// to its ends; infinite ones and not-a-number come back unchanged and read
/// as day 0.
/// One calendar is for one thread at a time: each call moves it.
public final class SiteCalendar {
    public let timeZone: TimeZoneID
    private let calendar: OpaquePointer

    public init(timeZone: TimeZoneID) throws(LocaleError) {
        var status: Int32 = 0
        // TODO: Debian 12's ICU has tzdata 2022e; zones whose rules changed since read wrong.
        let opened = timeZone.identifier.withICUText { prikbord_calendar_open($0, $1, &status) }
        guard let opened, status <= 0 else {
            throw LocaleError(call: "ucal_open", status: status, subject: "time zone \(timeZone)")
        }
        self.timeZone = timeZone
        calendar = opened
    }

    deinit {
        prikbord_calendar_close(calendar)
    }

    /// The first moment of the local day of `date`: midnight, or the end of a
    /// DST gap where midnight does not exist.
    public func startOfDay(for date: Date) -> Date {
        moved(date) { prikbord_calendar_start_of_day(calendar, $0, $1) }
    }

    /// The same wall time `days` later (earlier when negative), which across
    /// a DST change is not a multiple of 24 hours.
    public func date(byAddingDays days: Int, to date: Date) -> Date {
        let days = Int32(clamping: days)
        return moved(date) { prikbord_calendar_add_days(calendar, $0, days, $1) }
    }

    /// How many local days lie from the day of `start` to the day of `end`:
    /// 1 from 23:59 to 00:01 the next day, 0 from 00:01 to 23:59.
    public func days(from start: Date, to end: Date) -> Int {
        julianDay(end) - julianDay(start)
    }

    public func isDate(_ date: Date, inSameDayAs other: Date) -> Bool {
        julianDay(date) == julianDay(other)
    }

    /// The wall time of an instant in this zone.
    public func localTime(of date: Date) -> LocalTime {
        fields(date).map(LocalTime.init) ?? LocalTime(year: 0, month: 1, day: 1)
    }

    /// The instant a wall time shows; a time in a DST gap moves to the end
    /// of the gap, a time that happens twice means the first. Fields past
    /// their range carry over (day 32 of a month is in the next).
    public func date(_ time: LocalTime) -> Date? {
        let fields = prikbord_local_time(
            year: Int32(clamping: time.year), month: Int32(clamping: time.month),
            day: Int32(clamping: time.day), hour: Int32(clamping: time.hour),
            minute: Int32(clamping: time.minute), second: Int32(clamping: time.second),
            julian_day: 0)
        var status: Int32 = 0
        let millis = prikbord_calendar_date(calendar, fields, &status)
        return status > 0 ? nil : Date(udate: millis)
    }

    private func moved(_ date: Date, _ move: (Double, UnsafeMutablePointer<Int32>) -> Double)
        -> Date
    {
        guard date.udate.isFinite else { return date }
        var status: Int32 = 0
        let millis = move(date.udate, &status)
        return status > 0 ? date : Date(udate: millis)
    }

    private func fields(_ date: Date) -> prikbord_local_time? {
        guard date.udate.isFinite else { return nil }
        var status: Int32 = 0
        let fields = prikbord_calendar_local_time(calendar, date.udate, &status)
        return status > 0 ? nil : fields
    }

    private func julianDay(_ date: Date) -> Int {
        fields(date).map { Int($0.julian_day) } ?? 0
    }
}

extension LocalTime {
    fileprivate init(_ fields: prikbord_local_time) {
        self.init(
            year: Int(fields.year), month: Int(fields.month), day: Int(fields.day),
            hour: Int(fields.hour), minute: Int(fields.minute), second: Int(fields.second))
    }
}
