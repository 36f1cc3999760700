import CICUShim

/// A time zone ICU knows, by its IANA id ("Europe/Amsterdam").
public struct TimeZoneID: Hashable, Sendable, CustomStringConvertible {
    public let identifier: String

    /// Checks that ICU knows the zone: ICU itself would take an unknown id
    /// for UTC without a word ("Etc/Unknown").
    public init(_ identifier: String) throws(LocaleError) {
        let (_, status) = identifier.withICUText { zone, length in
            readICUText { prikbord_time_zone_canonical(zone, length, $0, $1, $2) }
        }
        guard status <= 0 else {
            throw LocaleError(
                call: "ucal_getCanonicalTimeZoneID", status: status,
                subject: "time zone \(identifier)")
        }
        self.identifier = identifier
    }

    private init(known identifier: String) {
        self.identifier = identifier
    }

    /// The host's zone as ICU found it (TZ, then /etc/localtime); UTC when
    /// it found none or one it does not know (a TZ of "Nowhere/Land" comes
    /// back as it is).
    public static var system: TimeZoneID {
        // TODO: ICU reads the host's zone once; a changed /etc/localtime needs a restart.
        let (text, _) = readICUText { prikbord_time_zone_default($0, $1, $2) }
        return (try? TimeZoneID(text)) ?? TimeZoneID(known: "Etc/UTC")
    }

    public var description: String { identifier }
}
