/// Text a site manager wrote in one or more languages, keyed by a BCP 47
/// language code ("nl", "en", "pl", ...).
public struct LocalizedText: Sendable, Hashable, Codable {
    public var values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The same text for every language, for names and places.
    public init(plain text: String) {
        self.values = ["": text]
    }

    /// The best text for a reader who prefers `languages`, in order;
    /// falls back to English, Dutch, then any text there is.
    public func resolved(for languages: [String]) -> String {
        for language in languages + ["en", "nl", ""] {
            if let text = values[language], !text.isEmpty { return text }
        }
        return values.keys.sorted().lazy.compactMap { values[$0] }.first ?? ""
    }

    public var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }
}
