import FoundationEssentials

/// The kiosk's own words in one language, loaded from `assets/strings/<lang>.json`.
///
/// Every text a worker reads that is not content comes from here, so a
/// failure never shows internals on screen: a missing key shows the English
/// text, and a missing English text shows the key.
public struct Strings: Sendable {
    public let language: String
    private let table: [String: String]
    private let fallback: [String: String]

    public init(language: String, table: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.table = table
        self.fallback = fallback
    }

    /// Loads `<language>.json` with `en.json` as the fallback.
    public static func load(language: String, from directory: URL) throws -> Strings {
        func read(_ code: String) throws -> [String: String] {
            let url = directory.appendingPathComponent("\(code).json")
            let data = try Data(contentsOf: url)
            return try JSONDecoder().decode([String: String].self, from: data)
        }
        let english = try read("en")
        let table = language == "en" ? english : try read(language)
        return Strings(language: language, table: table, fallback: english)
    }

    public subscript(_ key: String) -> String {
        table[key] ?? fallback[key] ?? key
    }

    /// Replaces `{name}` placeholders: `strings.format("news.by", ["name": "Ayşe"])`.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values {
            text = text.replacing("{\(name)}", with: value)
        }
        return text
    }

    /// The reader's languages in order of preference, for content.
    public var contentLanguages: [String] { [language] }
}
