import FoundationEssentials
import PrikbordPluginSDK

/// The staff directory: faces with names and roles, the kiosk's own site
/// first, then colleagues elsewhere.
public final class DirectoryPlugin: ScreenPlugin {
    public static let id = "directory"
    public let titleKey = "nav.directory"
    public let icon = Icon.people
    public let usesFullWidth = true

    private let context: PluginContext
    /// What the worker typed in the search field.
    private var query = ""

    public init(context: PluginContext) {
        self.context = context
    }

    private func search() {
        context.beginTextEntry(query) { [weak self] text in
            self?.query = text
            self?.context.reloadScreen()
        }
    }

    private func matches(_ person: Person) -> Bool {
        let words = query.searchKey.split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack =
            (person.name + " " + context.text(person.role) + " " + context.text(person.department))
            .searchKey
        return words.allSatisfy { haystack.contains($0) }
    }

    /// Cards per row: as many as fit at about 280 px each, at least two.
    static func columns(forWidth width: Int, theme: Theme) -> Int {
        max(2, (width + theme.gap) / (theme.px(280) + theme.gap))
    }

    public func makeBlocks(width: Int) -> [Block] {
        let strings = context.strings
        let everyone = context.sorted(context.data.people(), byName: \.name)
        let people = everyone.filter(matches)
        var blocks: [Block] = [
            ScreenTitleBlock(
                title: strings["directory.title"],
                subtitle: strings.format("directory.subtitle", ["count": "\(everyone.count)"]),
                context: context, width: width
            ),
            SearchBlock(query: query, context: context) { [weak self] in self?.search() },
        ]
        if everyone.isEmpty {
            blocks.append(MessageBlock(strings["directory.empty"], context: context))
            return blocks
        }
        if people.isEmpty {
            blocks.append(
                MessageBlock(
                    strings.format("directory.noMatch", ["query": query]), context: context))
            return blocks
        }
        let columns = Self.columns(forWidth: width, theme: context.theme)
        for group in groupedBySite(people) {
            if let name = group.siteName {
                blocks.append(
                    SectionHeaderBlock("\(name) · \(group.people.count)", context: context))
            }
            var start = 0
            while start < group.people.count {
                let row = Array(group.people[start..<min(start + columns, group.people.count)])
                blocks.append(PersonRowBlock(people: row, columns: columns, context: context))
                start += columns
            }
        }
        return blocks
    }

    /// The kiosk's own site first, then the others by name.
    private func groupedBySite(_ people: [Person]) -> [(siteName: String?, people: [Person])] {
        let here = context.data.site
        let bySite = Dictionary(grouping: people, by: \.siteID)
        let names = siteNames()
        let others = bySite.keys.filter { $0 != here?.id }.sorted()
        var order = context.sorted(others, byName: { names[$0] ?? $0 })
        if let here = here?.id, bySite[here] != nil { order.insert(here, at: 0) }
        if order.count == 1 { return [(nil, people)] }
        return order.map { (names[$0] ?? "", bySite[$0] ?? []) }
    }

    private func siteNames() -> [String: String] {
        var names: [String: String] = [:]
        for site in context.data.sites() { names[site.id] = site.name }
        return names
    }
}
