import CICUShim
import FoundationEssentials

/// Writes instants as text the way a locale writes dates and times, in one
/// time zone.
///
/// Opening one makes ICU read its locale data, and a skeleton also costs a
/// search for the best pattern: keep formatters and reuse them. One
/// formatter is for one thread at a time.
public final class DateFormat {
    public enum Pattern: Hashable, Sendable {
        /// The fields to show, in the order and with the punctuation the
        /// locale writes them: "EEEE d MMMM" is "donderdag 3 december" in nl
        /// and "Thursday, December 3" in en.
        case skeleton(String)
        /// A pattern taken as it is, such as "HH:mm".
        case fixed(String)
    }

    public let pattern: Pattern
    public let locale: LocaleID
    public let timeZone: TimeZoneID
    private let format: OpaquePointer

    public init(_ pattern: Pattern, locale: LocaleID, timeZone: TimeZoneID) throws(LocaleError) {
        var status: Int32 = 0
        let opened = locale.identifier.withCString { locale in
            timeZone.identifier.withICUText { zone, zoneLength in
                switch pattern {
                case .skeleton(let skeleton):
                    skeleton.withICUText {
                        prikbord_date_format_open_skeleton(
                            locale, zone, zoneLength, $0, $1, &status)
                    }
                case .fixed(let fixed):
                    fixed.withICUText {
                        prikbord_date_format_open_pattern(locale, zone, zoneLength, $0, $1, &status)
                    }
                }
            }
        }
        guard let opened, status <= 0 else {
            throw LocaleError(
                call: pattern.openedBy, status: status,
                subject: "locale \(locale), time zone \(timeZone), \(pattern)")
        }
        self.pattern = pattern
        self.locale = locale
        self.timeZone = timeZone
        format = opened
    }

    deinit {
        prikbord_date_format_close(format)
    }

    /// The instant as text; empty for an instant that is not a number.
    public func string(from date: Date) -> String {
        guard date.udate.isFinite else { return "" }
        return readICUText { prikbord_date_format_format(format, date.udate, $0, $1, $2) }.text
    }
}

extension DateFormat.Pattern: CustomStringConvertible {
    public var description: String {
        switch self {
        case .skeleton(let skeleton): "skeleton \(skeleton)"
        case .fixed(let pattern): "pattern \(pattern)"
        }
    }

    fileprivate var openedBy: String {
        switch self {
        case .skeleton: "udatpg_getBestPattern, udat_open"
        case .fixed: "udat_open"
        }
    }
}
