/// A column value on the wire: what a synced row's JSON object holds.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case real(Double)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Integers before doubles so 3 stays 3; booleans last because some
        // decoders read 0 and 1 as booleans.
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .real(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a column value (array or object)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let number): try container.encode(number)
        case .real(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }
}

extension JSONValue {
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .real(number)
        case .text(let string): self = .string(string)
        // Blobs travel on their own endpoint, never inside rows.
        case .blob: self = .null
        }
    }

    var sqlValue: SQLValue {
        switch self {
        case .null: .null
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .string(let string): .text(string)
        }
    }
}
