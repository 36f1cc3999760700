import CICUShim
import FoundationEssentials

/// The order of words in one locale, for lists a person reads: "Łukasz"
/// between "Lars" and "Luuk" rather than after "Zofia", and digits by value
/// ("Kas 2" before "Kas 10"). One collator is for one thread at a time.
public final class Collator {
    public let locale: LocaleID
    private let collator: OpaquePointer

    public init(locale: LocaleID) throws(LocaleError) {
        var status: Int32 = 0
        let opened = locale.identifier.withCString { prikbord_collator_open($0, &status) }
        guard let opened, status <= 0 else {
            throw LocaleError(call: "ucol_open", status: status, subject: "locale \(locale)")
        }
        self.locale = locale
        collator = opened
    }

    deinit {
        prikbord_collator_close(collator)
    }

    public func compare(_ a: String, _ b: String) -> ComparisonResult {
        let order = a.withICUText { a, aLength in
            b.withICUText { prikbord_collator_compare(collator, a, aLength, $0, $1) }
        }
        return order < 0 ? .orderedAscending : order > 0 ? .orderedDescending : .orderedSame
    }

    /// Bytes that compare (lexicographically) the way the text collates:
    /// cheaper than `compare` when one text is compared many times, as in a
    /// sort.
    public func sortKey(_ text: String) -> [UInt8] {
        text.withICUText { text, length in
            readICU(UInt8.self) { prikbord_collator_sort_key(collator, text, length, $0, $1, $2) }
                .units
        }
    }

    /// The items in this locale's order of `text(item)`; items with equal
    /// texts keep their order.
    public func sorted<Item>(_ items: [Item], by text: (Item) -> String) -> [Item] {
        let keys = items.map { sortKey(text($0)) }
        let order = keys.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        }
        return order.map { items[$0] }
    }
}
