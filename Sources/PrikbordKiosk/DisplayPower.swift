import FoundationEssentials
import PrikbordLocale

/// Hours when nobody is around to read the screen, e.g. 22:00–05:30.
public struct SleepSchedule: Sendable, Equatable {
    /// Minutes after midnight, local time of the site.
    public let start: Int
    public let end: Int

    /// Reads "HH:MM-HH:MM"; the window may run past midnight.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = Self.minutes(parts[0]),
            let end = Self.minutes(parts[1]),
            start != end
        else { return nil }
        self.start = start
        self.end = end
    }

    private static func minutes(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":")
        guard fields.count == 2, let hours = Int(fields[0]), let minutes = Int(fields[1]),
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    /// Whether the site's clock shows a time inside the window at `date`.
    public func contains(_ date: Date, in calendar: SiteCalendar) -> Bool {
        let minute = calendar.localTime(of: date).minuteOfDay
        return start < end ? (start <= minute && minute < end) : (minute >= start || minute < end)
    }
}

/// When the panel is lit: outside the sleep hours unless idle for too long,
/// and inside them only for a while after someone touched it.
///
/// The touch that wakes a dark screen only wakes it: ``absorbs(_:)`` keeps
/// that finger's whole touch from the gestures, so nothing is tapped blind.
public struct DisplayPower {
    public var schedule: SleepSchedule?
    /// Dark after this long without a touch; nil keeps the screen lit.
    public var idleTimeout: Duration?
    /// How long a touch keeps the screen lit during the sleep hours.
    public var wakeTimeout: Duration = .seconds(120)
    /// The site's calendar, for the sleep hours.
    public var calendar: SiteCalendar

    public private(set) var isOn = true
    private var lastActivity: Date
    /// Slots of the touch that woke the screen, still down.
    private var absorbedSlots: Set<Int32> = []

    public init(
        schedule: SleepSchedule?, idleTimeout: Duration?, calendar: SiteCalendar, now: Date
    ) {
        self.schedule = schedule
        self.idleTimeout = idleTimeout
        self.calendar = calendar
        self.lastActivity = now
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Whether the screen should be lit at `now`.
    public func wantsOn(at now: Date) -> Bool {
        let idle = now.timeIntervalSince(lastActivity)
        if let schedule, schedule.contains(now, in: calendar) {
            return idle < Self.seconds(wakeTimeout)
        }
        if let idleTimeout { return idle < Self.seconds(idleTimeout) }
        return true
    }

    /// When the lit panel goes dark if nobody touches it, for the owner's
    /// timer: an idle timeout in seconds ends between two clock minutes.
    /// The sleep hours begin and end on whole minutes, which the owner
    /// wakes for anyway.
    public func idleDeadline(at now: Date) -> Date? {
        guard isOn else { return nil }
        let asleep = schedule?.contains(now, in: calendar) == true
        guard let timeout = asleep ? wakeTimeout : idleTimeout else { return nil }
        return lastActivity.addingTimeInterval(Self.seconds(timeout))
    }

    /// Settles the state for `now`; returns the new state when it changed.
    public mutating func update(at now: Date) -> Bool? {
        let wanted = wantsOn(at: now)
        guard wanted != isOn else { return nil }
        isOn = wanted
        return wanted
    }

    /// Sees a touch event first. Returns true when the event belongs to a
    /// touch that woke the screen and must not reach the gestures.
    public mutating func absorbs(slot: Int32, down: Bool, up: Bool, at now: Date) -> Bool {
        lastActivity = now
        if down && !isOn {
            isOn = true
            absorbedSlots.insert(slot)
            return true
        }
        guard absorbedSlots.contains(slot) else { return false }
        if up { absorbedSlots.remove(slot) }
        return true
    }

    /// Whether the panel just came on and the owner must light it.
    public var isWaking: Bool { !absorbedSlots.isEmpty }
}
