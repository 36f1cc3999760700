import CICUShim

/// A locale ICU has data for, by its id ("nl", "en_GB", "pt-BR").
public struct LocaleID: Hashable, Sendable, CustomStringConvertible {
    public let identifier: String

    /// Checks that ICU has data for the locale's language: for one it has
    /// not, ICU would quietly use the host's locale instead.
    public init(_ identifier: String) throws(LocaleError) {
        guard identifier.withCString({ prikbord_locale_has_data($0) }) == 1 else {
            throw LocaleError(
                call: "uloc_getAvailable", status: LocaleError.missingResource,
                subject: "locale \(identifier)")
        }
        self.identifier = identifier
    }

    private init(known identifier: String) {
        self.identifier = identifier
    }

    /// English, the language the kiosk's own words fall back to.
    public static let english = LocaleID(known: "en")

    public var description: String { identifier }
}
