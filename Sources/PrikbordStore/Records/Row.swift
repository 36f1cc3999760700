import CSQLite
import FoundationEssentials
import PrikbordModel

/// A row read from a table, with typed accessors that fail loudly on a
/// column that does not hold what the schema promises.
struct Row {
    let table: String
    let values: [String: SQLValue]

    init(_ table: String, _ values: [String: SQLValue]) {
        self.table = table
        self.values = values
    }

    func text(_ column: String) throws -> String {
        guard let text = values[column]?.text else { throw mismatch(column, "text") }
        return text
    }

    func optionalText(_ column: String) -> String? {
        values[column]?.text
    }

    func integer(_ column: String) throws -> Int {
        guard let number = values[column]?.integer else { throw mismatch(column, "integer") }
        return Int(number)
    }

    func optionalInteger(_ column: String) -> Int? {
        values[column]?.integer.map { Int($0) }
    }

    func date(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try integer(column)))
    }

    func optionalDate(_ column: String) -> Date? {
        optionalInteger(column).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// A JSON object of texts by language; any other text is taken as the
    /// same text in every language, so one odd row cannot empty a screen.
    func localized(_ column: String) throws -> LocalizedText {
        let raw = try text(column)
        guard let values = try? JSONDecoder().decode([String: String].self, from: Data(raw.utf8))
        else { return LocalizedText(plain: raw) }
        return LocalizedText(values)
    }

    func strings(_ column: String) throws -> [String] {
        let data = Data(try text(column).utf8)
        guard let list = try? JSONDecoder().decode([String].self, from: data) else {
            throw mismatch(column, "a JSON array of strings")
        }
        return list
    }

    func kind<Kind: RawRepresentable<String>>(_ column: String) throws -> Kind {
        guard let kind = Kind(rawValue: try text(column)) else {
            throw mismatch(column, "a known kind")
        }
        return kind
    }

    private func mismatch(_ column: String, _ expected: String) -> StoreError {
        StoreError(
            code: SQLITE_MISMATCH,
            message: "\(table).\(column) does not hold \(expected)")
    }
}

extension SQLValue {
    /// A LocalizedText column: a JSON object with sorted keys.
    init(_ text: LocalizedText) {
        self = .text(encodeJSON(text.values))
    }

    /// A list column: a JSON array.
    init(_ list: [String]) {
        self = .text(encodeJSON(list))
    }
}

private func encodeJSON<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Dictionaries and arrays of strings always encode.
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self)
}
