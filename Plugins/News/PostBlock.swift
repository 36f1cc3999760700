import FoundationEssentials
import PrikbordPluginSDK

/// A post as a card: who wrote it and when, the title, the text and its
/// image. A pinned notice is warm-coloured with a "Pinned" label so it
/// reads as important from across the room. Long texts show five lines and
/// a "Read more"; a tap opens the whole text, another closes it.
final class PostBlock: Block {
    private let post: Post
    private let author: Person?
    private let pinned: Bool
    private let expanded: Bool
    private let onTap: () -> Void
    private let context: PluginContext

    /// Lines of text a closed post shows.
    static let closedLines = 5

    private struct Layout {
        var width: Int
        var badge: TextLayout?
        var byline: TextLayout
        var time: TextLayout
        var title: TextLayout
        var body: TextLayout?
        /// "Read more" or "Show less", when the text is long.
        var more: TextLayout?
        var imageHeight: Int
        var hasImage: Bool
        var height: Int
    }

    private var laidOut: Layout?

    init(
        post: Post, author: Person?, pinned: Bool, expanded: Bool, context: PluginContext,
        onTap: @escaping () -> Void
    ) {
        self.post = post
        self.author = author
        self.pinned = pinned
        self.expanded = expanded
        self.context = context
        self.onTap = onTap
    }

    private var theme: Theme { context.theme }
    private var avatarSize: Int { theme.px(72) }

    private func layout(_ width: Int) -> Layout {
        if let laidOut, laidOut.width == width { return laidOut }
        let strings = context.strings
        let inner = width - 2 * theme.cardPadding
        let badgeText = pinned ? strings["news.pinned"] : nil
        let badge = badgeText.map { context.layout($0.uppercased(), theme.badge) }
        let name = author?.name ?? strings["news.management"]
        let textWidth = inner - avatarSize - theme.px(20)
        let byline = context.layout(name, theme.label, maxWidth: textWidth, maxLines: 1)
        let time = context.layout(
            context.relativeTime(post.publishedAt), theme.caption, maxWidth: textWidth, maxLines: 1
        )
        let title = context.layout(
            context.text(post.title), theme.heading, maxWidth: inner, maxLines: 3)
        let bodyText = context.text(post.body)
        let body =
            bodyText.isEmpty
            ? nil
            : context.layout(
                bodyText, theme.body, maxWidth: inner, maxLines: expanded ? nil : Self.closedLines
            )
        let isLong =
            expanded ? (body?.lineCount ?? 0) > Self.closedLines : body?.isTruncated == true
        let more =
            isLong
            ? context.layout(strings[expanded ? "news.showLess" : "news.readMore"], theme.label)
            : nil
        let imageHeight = inner * 9 / 16
        let hasImage = post.image.map { context.data.hasImage($0) } ?? false

        var height = theme.cardPadding
        if let badge { height += badge.height + theme.px(16) + theme.px(18) }
        height += avatarSize + theme.px(22) + title.height
        if let body { height += theme.px(14) + body.height }
        if let more { height += theme.px(14) + more.height }
        if hasImage { height += theme.px(26) + imageHeight }
        height += theme.cardPadding
        let result = Layout(
            width: width, badge: badge, byline: byline, time: time, title: title, body: body,
            more: more,
            imageHeight: imageHeight, hasImage: hasImage, height: height
        )
        laidOut = result
        return result
    }

    func height(forWidth width: Int) -> Int { layout(width).height }

    func discardLayout() { laidOut = nil }

    func isPressable(at point: Point, width: Int) -> Bool { layout(width).more != nil }

    func tap(at point: Point, width: Int) -> Bool {
        guard layout(width).more != nil else { return false }
        onTap()
        return true
    }

    func prefetch(forWidth width: Int) {
        if let photo = author?.photo { _ = context.data.image(photo, atLeast: avatarSize) }
    }

    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let layout = layout(frame.width)
        drawCard(
            on: surface, in: frame, context: context, pressed: pressedAt != nil,
            fill: pinned ? theme.noticeSoft : nil
        )
        if pinned {
            let stripe = Rect(
                x: frame.minX, y: frame.minY, width: theme.px(12), height: frame.height)
            let saved = surface.clip
            surface.clip = saved.map { $0.intersection(stripe) } ?? stripe
            surface.fillRoundedRect(frame, radius: theme.cornerRadius, theme.noticeAccent)
            surface.clip = saved
        }
        let left = frame.minX + theme.cardPadding
        var y = frame.minY + theme.cardPadding

        if let badge = layout.badge {
            let padX = theme.px(16)
            let chipHeight = badge.height + theme.px(16)
            let iconSize = theme.px(28)
            let chip = Rect(
                x: left, y: y, width: padX * 2 + iconSize + theme.px(6) + badge.width,
                height: chipHeight
            )
            surface.fillRoundedRect(chip, radius: chipHeight / 2, theme.noticeAccent)
            Icon.pin.draw(
                on: surface,
                at: Point(x: left + padX - theme.px(4), y: y + (chipHeight - iconSize) / 2),
                size: iconSize, color: .white
            )
            surface.draw(
                badge, at: Point(x: left + padX + iconSize + theme.px(6), y: y + theme.px(8)),
                .white
            )
            y += chipHeight + theme.px(18)
        }

        drawByline(on: surface, layout: layout, at: Point(x: left, y: y))
        y += avatarSize + theme.px(22)

        surface.draw(layout.title, at: Point(x: left, y: y), theme.ink)
        y += layout.title.height
        if let body = layout.body {
            y += theme.px(14)
            surface.draw(
                body, at: Point(x: left, y: y),
                theme.secondaryInk.mixed(with: theme.ink, amount: 0.45))
            y += body.height
        }
        if let more = layout.more {
            y += theme.px(14)
            surface.draw(more, at: Point(x: left, y: y), theme.accent)
            y += more.height
        }
        if layout.hasImage, let hash = post.image {
            y += theme.px(26)
            let box = Rect(
                x: left, y: y, width: frame.width - 2 * theme.cardPadding,
                height: layout.imageHeight)
            if let image = context.data.image(hash, atLeast: layout.imageHeight) {
                surface.draw(image, in: box, mode: .fill, cornerRadius: theme.px(20))
            } else {
                // Still being decoded (or broken): a calm tile where it goes.
                surface.fillRoundedRect(box, radius: theme.px(20), theme.separator)
            }
        }
    }

    private func drawByline(on surface: Surface, layout: Layout, at origin: Point) {
        let square = Rect(x: origin.x, y: origin.y, width: avatarSize, height: avatarSize)
        if let author {
            Avatar(person: author, context: context).draw(on: surface, in: square)
        } else {
            let center = Point(x: square.minX + avatarSize / 2, y: square.minY + avatarSize / 2)
            surface.fillCircle(center: center, radius: avatarSize / 2, theme.accent)
            let iconSize = avatarSize * 6 / 10
            Icon.news.draw(
                on: surface,
                at: Point(x: center.x - iconSize / 2, y: center.y - iconSize / 2),
                size: iconSize, color: .white
            )
        }
        let textX = origin.x + avatarSize + theme.px(20)
        let textHeight = layout.byline.height + theme.px(2) + layout.time.height
        let top = origin.y + (avatarSize - textHeight) / 2
        surface.draw(layout.byline, at: Point(x: textX, y: top), theme.ink)
        surface.draw(
            layout.time, at: Point(x: textX, y: top + layout.byline.height + theme.px(2)),
            theme.faintInk.mixed(with: theme.ink, amount: 0.2)
        )
    }
}
