import FoundationEssentials

/// A value SQLite stores in a column, and the only way values reach SQL:
/// as bound parameters.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var data: Data? {
        if case .blob(let value) = self { return value }
        return nil
    }

    public var isNull: Bool { self == .null }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension SQLValue {
    /// Unix seconds, the one representation of time in the schema.
    init(_ date: Date?) {
        guard let date else {
            self = .null
            return
        }
        // Dates far outside any calendar (Date.distantFuture and beyond) are
        // clamped instead of trapping on the conversion.
        let seconds = date.timeIntervalSince1970.rounded(.down)
        self = .integer(Int64(min(max(seconds, -62_135_596_800), 253_402_300_799)))
    }

    init(_ string: String?) {
        self = string.map { .text($0) } ?? .null
    }

    init(_ number: Int?) {
        self = number.map { .integer(Int64($0)) } ?? .null
    }
}
