import CICUShim

/// An ICU call that failed, with what it was asked to do.
public struct LocaleError: Error, CustomStringConvertible, Sendable {
    /// The ICU function, e.g. "udat_open".
    public let call: String
    /// ICU's UErrorCode.
    public let status: Int32
    /// What the call was about: "locale nl, time zone Europe/Amsterdam, skeleton EEEE d MMMM".
    public let subject: String

    /// ICU's name for the status, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
    public var name: String { String(cString: prikbord_icu_error_name(status)) }

    public var description: String { "\(call) failed with \(name) for \(subject)" }

    /// ICU's U_MISSING_RESOURCE_ERROR: it has no data for what was asked.
    static let missingResource: Int32 = 2
}
