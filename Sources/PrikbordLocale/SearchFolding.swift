import CICUShim

extension String {
    /// The text without accents and case, for matching what someone typed:
    /// "Çağrı Öztürk" folds like "cagri ozturk". Letters that are not a base
    /// letter with an accent (ł, ø, ß) stay themselves.
    public var foldedForSearch: String {
        let (decomposed, status) = withICUText { text, length in
            readICUText { prikbord_decompose(text, length, $0, $1, $2) }
        }
        guard status <= 0 else { return lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }
}
