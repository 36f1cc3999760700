import FoundationEssentials
import PrikbordLocale
import Testing

struct CollatorTests {
    static let names = [
        "Mateusz", "Zofia", "Luuk", "Иван", "Łukasz", "Lars", "Борис", "Şerban", "Sven", "Sara",
        "İlkay", "Igor", "Zoë", "Zoe", "Ömer", "Olga",
    ]

    func sorted(_ names: [String], in locale: String) throws -> [String] {
        try Collator(locale: LocaleID(locale)).sorted(names) { $0 }
    }

    // Letters with a stroke, cedilla or dot sort beside their base letter,
    // where a reader looks for them, not after Z as their code points would;
    // Cyrillic follows Latin.
    @Test(arguments: ["nl", "en"])
    func namesSortBesideTheirBaseLetters(locale: String) throws {
        #expect(
            try sorted(Self.names, in: locale) == [
                "Igor", "İlkay", "Lars", "Łukasz", "Luuk", "Mateusz", "Olga", "Ömer", "Sara",
                "Şerban", "Sven", "Zoe", "Zoë", "Zofia", "Борис", "Иван",
            ])
    }

    @Test func polishSortsLWithStrokeAsALetterAfterL() throws {
        let names = try sorted(["Łukasz", "Luuk", "Lars", "Mateusz"], in: "pl")
        #expect(names == ["Lars", "Luuk", "Łukasz", "Mateusz"])
    }

    @Test func turkishSortsSWithCedillaAsALetterAfterS() throws {
        let names = try sorted(["Şerban", "Sven", "Sara", "Tuba"], in: "tr")
        #expect(names == ["Sara", "Sven", "Şerban", "Tuba"])
    }

    @Test func digitsCompareByValue() throws {
        #expect(
            try sorted(["Kas 10", "Kas 9", "Kas 2"], in: "nl") == ["Kas 2", "Kas 9", "Kas 10"])
    }

    @Test func compareAgreesWithSortKeys() throws {
        let collator = try Collator(locale: LocaleID("nl"))
        #expect(collator.compare("Lars", "Łukasz") == .orderedAscending)
        #expect(collator.compare("Łukasz", "Luuk") == .orderedAscending)
        #expect(collator.compare("Zofia", "Борис") == .orderedAscending)
        #expect(collator.compare("Sven", "Şerban") == .orderedDescending)
        #expect(collator.compare("Zoë", "Zoë") == .orderedSame)
        #expect(collator.sortKey("Łukasz").lexicographicallyPrecedes(collator.sortKey("Luuk")))
        #expect(collator.sortKey("") != collator.sortKey("a"))
    }

    @Test func equalNamesKeepTheirOrder() throws {
        let people = [(1, "Anna de Vries"), (2, "Anna de Vries"), (3, "Ab"), (4, "Anna de Vries")]
        let collator = try Collator(locale: LocaleID("nl"))
        #expect(collator.sorted(people) { $0.1 }.map(\.0) == [3, 1, 2, 4])
    }

    @Test func longNamesGetWholeSortKeys() throws {
        let collator = try Collator(locale: LocaleID("en"))
        let long = String(repeating: "Wróblewska-", count: 40)
        #expect(collator.compare(long + "a", long + "b") == .orderedAscending)
        #expect(
            collator.sortKey(long + "a").lexicographicallyPrecedes(collator.sortKey(long + "b")))
    }
}
