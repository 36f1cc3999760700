/// The keys of the on-screen keyboard, row by row.
///
/// The Latin layout carries, behind a long press, the accented letters our
/// workers write their names with (Polish, Romanian, Turkish, Dutch,
/// Portuguese, German, Czech); the Cyrillic layout covers Bulgarian,
/// Ukrainian and Russian.
public struct KeyboardLayout: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case character(String)
        case space
        case backspace
        case shift
        case switchLayout
        case hide
        case enter

        /// How many letter-widths the key takes.
        public var span: Double {
            switch self {
            case .character: 1
            case .space: 4.5
            case .backspace, .shift, .enter: 1.5
            case .switchLayout, .hide: 1.5
            }
        }
    }

    public let name: String
    public let rows: [[Key]]
    /// Accented forms offered on a long press, by base letter.
    public let accents: [String: [String]]

    public static let latin = KeyboardLayout(
        name: "ABC",
        letters: ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
        accents: [
            "a": ["á", "à", "â", "ä", "ã", "å", "ą", "ă", "æ"],
            "c": ["ç", "ć", "č"],
            "d": ["ď", "đ"],
            "e": ["é", "è", "ê", "ë", "ę", "ě"],
            "g": ["ğ"],
            "i": ["í", "ì", "î", "ï", "ı", "İ"],
            "l": ["ł"],
            "n": ["ñ", "ń", "ň"],
            "o": ["ó", "ò", "ô", "ö", "õ", "ø", "ő"],
            "r": ["ř"],
            "s": ["ś", "š", "ș", "ş", "ß"],
            "t": ["ț", "ť", "ţ"],
            "u": ["ú", "ù", "û", "ü", "ů", "ű"],
            "y": ["ý", "ÿ"],
            "z": ["ź", "ż", "ž"],
        ]
    )

    public static let cyrillic = KeyboardLayout(
        name: "АБВ",
        letters: ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"],
        accents: [
            "е": ["ё", "э"],
            "г": ["ґ"],
            "ь": ["ъ"],
            "і": ["ы", "и"],
            "и": ["ы", "й"],
            "щ": ["ш"],
            "ї": ["і"],
        ]
    )

    init(name: String, letters: [String], accents: [String: [String]]) {
        self.name = name
        self.accents = accents
        var rows = letters.map { row in row.map { Key.character(String($0)) } }
        rows[rows.count - 1].insert(.shift, at: 0)
        rows[rows.count - 1].append(.backspace)
        rows.append([.switchLayout, .character("-"), .space, .character("."), .enter, .hide])
        self.rows = rows
    }

    /// The layout the switch key goes to.
    public var next: KeyboardLayout { self == .latin ? .cyrillic : .latin }
}
