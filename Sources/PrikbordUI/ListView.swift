import PrikbordGraphics

/// A vertical list of blocks in a rectangle of the screen, scrolled by
/// moving pixels rather than repainting them.
///
/// Scrolling and pressing change the list's state only; `drawChanges(on:)`
/// brings the surface up to date with the next frame. A scroll shifts what
/// is already on the surface and paints only the strip that comes into
/// view, so a fling costs a memmove and a few rows of drawing per frame
/// instead of a full screen of text — however many moves the frame
/// gathered.
///
/// Blocks are measured (laid out) only as they come near the screen, from
/// the top down; the height of the rest is estimated from those measured,
/// so a screen of a thousand posts opens as fast as one of ten. Only the
/// blocks within a few screens of what is shown keep their layouts; the
/// rest keep just their height, so memory does not grow with the list.
@MainActor
public final class ListView {
    public private(set) var frame: Rect
    public let background: Color
    public let padding: Int
    public let spacing: Int

    private var blocks: [Block] = []
    private var tops: [Int] = []
    private var heights: [Int] = []
    public private(set) var contentHeight = 0
    public private(set) var scrollOffset = 0

    /// Blocks that may hold a layout: measured or drawn, not yet discarded.
    private var laidOut: Set<Int> = []
    /// Screens above and below the shown one whose blocks keep their
    /// layouts, once more than `keptLayouts` blocks hold one.
    static let keptScreens = 4
    static let keptLayouts = 64

    /// Blocks drawn without a picture that was still being decoded, and
    /// those of them whose pictures arrived since: painted again next frame.
    private var waiting: Set<Int> = []
    private var arrived: Set<Int> = []

    /// Where a finger presses, in content coordinates, and which block.
    private var pressed: Press?

    private struct Press: Equatable {
        var index: Int
        var point: Point
    }

    /// What the surface shows of the list: drawn at this offset with this
    /// block pressed. Nil when nothing of it can be trusted.
    private var drawn: (offset: Int, pressed: Press?)?

    public init(frame: Rect, background: Color, padding: Int, spacing: Int) {
        self.frame = frame
        self.background = background
        self.padding = padding
        self.spacing = spacing
    }

    public var blockCount: Int { blocks.count }

    public var maxScrollOffset: Int { max(0, contentHeight - frame.height) }

    /// Replaces the content; keeps the scroll position where it still fits.
    public func setBlocks(_ newBlocks: [Block], keepingOffset: Bool = false) {
        blocks = newBlocks
        laidOut.removeAll()
        waiting.removeAll()
        arrived.removeAll()
        pressed = nil
        drawn = nil
        layout()
        scrollOffset = keepingOffset ? min(scrollOffset, maxScrollOffset) : 0
    }

    public func setFrame(_ newFrame: Rect) {
        frame = newFrame
        drawn = nil
        layout()
        scrollOffset = min(scrollOffset, maxScrollOffset)
    }

    private func layout() {
        tops.removeAll(keepingCapacity: true)
        heights.removeAll(keepingCapacity: true)
        measure(through: scrollOffset + 2 * frame.height)
    }

    /// Measures blocks from the top until one reaches below `bottom`
    /// (content coordinates), then re-estimates the content's height.
    private func measure(through bottom: Int) {
        let width = frame.width - 2 * padding
        var y = tops.last.map { $0 + heights[heights.count - 1] + spacing } ?? padding
        while tops.count < blocks.count, y < bottom {
            let height = blocks[tops.count].height(forWidth: width)
            laidOut.insert(tops.count)
            tops.append(y)
            heights.append(height)
            y += height + spacing
        }
        let remaining = blocks.count - tops.count
        let average = heights.isEmpty ? 300 : heights.reduce(0, +) / heights.count
        let end = y + remaining * (average + spacing)
        contentHeight = blocks.isEmpty ? 0 : end - spacing + padding
        discardFarLayouts()
    }

    /// Tells blocks far from the shown part of the list to drop their layouts.
    private func discardFarLayouts() {
        guard laidOut.count > Self.keptLayouts else { return }
        let reach = Self.keptScreens * frame.height
        let kept = visibleRange(from: scrollOffset - reach, to: scrollOffset + frame.height + reach)
        for index in laidOut where !kept.contains(index) {
            blocks[index].discardLayout()
            laidOut.remove(index)
        }
    }

    /// Measures and prefetches the blocks that fill the first `height`
    /// pixels of a list `width` wide, for a screen about to be shown.
    public static func prepare(_ blocks: [Block], width: Int, height: Int) {
        var y = 0
        for block in blocks where y < height {
            y += block.height(forWidth: width)
            block.prefetch(forWidth: width)
        }
    }

    /// Whether every block has been measured.
    public var isFullyMeasured: Bool { tops.count == blocks.count }

    /// Measures a few more blocks ahead, for idle moments.
    public func measureAhead(count: Int) {
        guard !isFullyMeasured else { return }
        let target = tops.count + count
        while tops.count < min(target, blocks.count) {
            measure(through: (tops.last ?? 0) + (heights.last ?? 0) + spacing + 1)
        }
    }

    // MARK: Drawing

    /// Whether the surface lags behind the list: it scrolled, a press came
    /// or went, or its blocks or frame changed.
    public var needsDrawing: Bool {
        guard let drawn else { return true }
        return drawn.offset != scrollOffset || drawn.pressed != pressed || !arrived.isEmpty
    }

    /// Pictures that blocks waited for have arrived: the next `drawChanges`
    /// paints those blocks again, and only them.
    public func picturesArrived() {
        arrived.formUnion(waiting)
    }

    /// Paints the part of the list inside `region` (screen coordinates) as
    /// it is now. Outside `region` the surface keeps what it had: bring the
    /// rest up to date first (`drawChanges`) unless `region` covers the list.
    public func draw(on surface: Surface, region: Rect) {
        let area = region.intersection(frame)
        guard !area.isEmpty else { return }
        if area == frame {
            drawn = (scrollOffset, pressed)
            arrived.removeAll()
        }
        let saved = surface.clip
        surface.clip = saved.map { $0.intersection(area) } ?? area
        defer { surface.clip = saved }

        surface.fill(area, background)
        let contentTop = area.minY - frame.minY + scrollOffset
        let contentBottom = contentTop + area.height
        measure(through: contentBottom + frame.height)
        // TODO: blocks whose shadow alone reaches into `area` are skipped; strips cut shadows.
        for index in visibleRange(from: contentTop, to: contentBottom) {
            let blockFrame = screenFrame(of: index)
            let press = pressed.flatMap { $0.index == index ? $0.point : nil }
            PendingPictures.missed = false
            blocks[index].draw(on: surface, in: blockFrame, pressedAt: press)
            laidOut.insert(index)
            if PendingPictures.missed { waiting.insert(index) } else { waiting.remove(index) }
        }
    }

    /// Paints again the shown blocks whose pictures arrived; returns the
    /// area painted.
    private func drawArrived(on surface: Surface) -> Rect? {
        var painted: Rect?
        for index in arrived.sorted() {
            let area = index < tops.count ? screenFrame(of: index).intersection(frame) : Rect.zero
            if area.isEmpty {
                // Off screen: it is drawn whole when it scrolls back in.
                waiting.remove(index)
                continue
            }
            draw(on: surface, region: area)
            painted = painted.map { $0.union(area) } ?? area
        }
        arrived.removeAll()
        return painted
    }

    private func visibleRange(from top: Int, to bottom: Int) -> Range<Int> {
        // Tops are sorted: find the first block that ends below `top`.
        var low = 0
        var high = tops.count
        while low < high {
            let mid = (low + high) / 2
            if tops[mid] + heights[mid] <= top { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < tops.count && tops[end] < bottom { end += 1 }
        return low..<end
    }

    private func screenFrame(of index: Int) -> Rect {
        Rect(
            x: frame.minX + padding,
            y: frame.minY + tops[index] - scrollOffset,
            width: frame.width - 2 * padding,
            height: heights[index]
        )
    }

    /// Brings the list's part of `surface`, which shows the list as last
    /// drawn on it, up to date: moves the pixels by the distance scrolled
    /// since and paints the strip that came into view, then the blocks whose
    /// pressed state changed. Returns the damaged area, nil when nothing
    /// changed.
    public func drawChanges(on surface: Surface) -> Rect? {
        guard let drawn else {
            draw(on: surface, region: frame)
            return frame
        }
        var damage: Rect?
        let delta = scrollOffset - drawn.offset
        if abs(delta) >= frame.height {
            draw(on: surface, region: frame)
            return frame
        }
        if delta != 0 {
            surface.shift(frame, dy: -delta)
            let strip =
                delta > 0
                ? Rect(x: frame.minX, y: frame.maxY - delta, width: frame.width, height: delta)
                : Rect(x: frame.minX, y: frame.minY, width: frame.width, height: -delta)
            draw(on: surface, region: strip)
            damage = frame
        }
        if drawn.pressed != pressed {
            let changed = Set([drawn.pressed?.index, pressed?.index].compactMap { $0 })
            for index in changed.sorted() where index < tops.count {
                let area = screenFrame(of: index).intersection(frame)
                guard !area.isEmpty else { continue }
                draw(on: surface, region: area)
                damage = damage.map { $0.union(area) } ?? area
            }
        }
        if let area = drawArrived(on: surface) {
            damage = damage.map { $0.union(area) } ?? area
        }
        self.drawn = (scrollOffset, pressed)
        return damage
    }

    // MARK: Scrolling

    /// Scrolls to `offset` (clamped); the next `drawChanges` moves the pixels.
    /// Returns whether the offset changed.
    @discardableResult
    public func scroll(to offset: Int) -> Bool {
        measure(through: offset + 2 * frame.height)
        let target = min(max(0, offset), maxScrollOffset)
        guard target != scrollOffset else { return false }
        scrollOffset = target
        return true
    }

    // MARK: Touch

    /// The block under a screen point, and the point relative to it.
    private func hit(_ point: Point) -> (index: Int, local: Point)? {
        guard frame.contains(point) else { return nil }
        let y = point.y - frame.minY + scrollOffset
        let x = point.x - frame.minX - padding
        for index in visibleRange(from: y, to: y + 1) where tops[index] <= y {
            return (index, Point(x: x, y: y - tops[index]))
        }
        return nil
    }

    /// Shows the pressed state under a finger, from the next `drawChanges`.
    public func press(at point: Point) {
        release()
        let width = frame.width - 2 * padding
        guard let (index, local) = hit(point),
            blocks[index].isPressable(at: local, width: width)
        else { return }
        pressed = Press(index: index, point: local)
    }

    /// Ends a pressed state, from the next `drawChanges`.
    public func release() {
        pressed = nil
    }

    /// Scrolls so the block under `point` starts at the top of the list,
    /// e.g. a search field when the keyboard opens below it.
    public func bringToTop(blockAt point: Point) {
        guard let (index, _) = hit(point) else { return }
        measure(through: tops[index] + 2 * frame.height)
        scrollOffset = min(max(0, tops[index] - padding / 2), maxScrollOffset)
    }

    /// Passes a tap to the block under it.
    public func tap(at point: Point) -> Bool {
        guard let (index, local) = hit(point) else { return false }
        return blocks[index].tap(at: local, width: frame.width - 2 * padding)
    }
}
