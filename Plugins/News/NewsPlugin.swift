import FoundationEssentials
import PrikbordPluginSDK

/// Company news: pinned notices on top until their pin ends, then posts
/// newest first. Expired items never reach this screen: the store's news
/// query leaves them out.
public final class NewsPlugin: ScreenPlugin {
    public static let id = "news"
    public let titleKey = "nav.news"
    public let icon = Icon.news
    public let usesFullWidth = true

    /// How many posts the screen holds at most.
    static let feedLimit = 200

    private let context: PluginContext
    /// Posts a worker opened to read in full.
    private var expanded: Set<String> = []

    public init(context: PluginContext) {
        self.context = context
    }

    private func toggle(_ postID: String) {
        if expanded.remove(postID) == nil { expanded.insert(postID) }
        context.reloadScreen()
    }

    public func makeBlocks(width: Int) -> [Block] {
        let posts = context.data.newsFeed(limit: Self.feedLimit)
        let strings = context.strings
        let siteName = context.data.site?.name ?? strings["app.name"]
        var blocks: [Block] = [
            ScreenTitleBlock(
                title: strings["news.title"],
                subtitle: strings.format(
                    "news.subtitle", ["site": siteName, "count": "\(posts.count)"]
                ),
                context: context, width: width
            )
        ]
        if posts.isEmpty {
            blocks.append(MessageBlock(strings["news.empty"], context: context))
        }
        let now = context.now
        let cards: [Block] = posts.map { post in
            let author = post.authorID.flatMap { context.data.person(id: $0) }
            return PostBlock(
                post: post, author: author, pinned: post.isPinned(at: now),
                expanded: expanded.contains(post.id), context: context
            ) { [weak self] in self?.toggle(post.id) }
        }
        // A wide screen shows two cards a row; a column wider than a
        // comfortable line of text reads badly.
        let columns = width >= context.theme.px(1400) ? 2 : 1
        guard columns > 1 else { return blocks + cards }
        var start = 0
        while start < cards.count {
            let row = Array(cards[start..<min(start + columns, cards.count)])
            blocks.append(ColumnsBlock(row, count: columns, gap: context.theme.gap))
            start += columns
        }
        return blocks
    }
}
