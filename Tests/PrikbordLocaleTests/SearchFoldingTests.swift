import PrikbordLocale
import Testing

struct SearchFoldingTests {
    @Test(arguments: [
        ("Zoë Çelik", "zoe celik"),
        ("Şerban Müller", "serban muller"),
        ("İlkay", "ilkay"),
        ("Wróbel", "wrobel"),
        ("ÅSE", "ase"),
        // Letters of their own stay: the directory maps them itself.
        ("Łukasz", "łukasz"),
        ("Борис Йорданов", "борис иорданов"),
        ("", ""),
    ])
    func accentsAndCaseFoldAway(text: String, folded: String) {
        #expect(text.foldedForSearch == folded)
    }
}
