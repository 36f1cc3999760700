/// Blocks side by side in equal columns, for wide screens: two posts in a
/// row on a landscape kiosk instead of one narrow column.
public final class ColumnsBlock: Block {
    private let columns: [Block]
    private let count: Int
    private let gap: Int

    /// `blocks` fill the first columns; a row may hold fewer than `count`.
    public init(_ blocks: [Block], count: Int, gap: Int) {
        columns = blocks
        self.count = max(1, count)
        self.gap = gap
    }

    private func columnWidth(_ width: Int) -> Int {
        (width - gap * (count - 1)) / count
    }

    /// The column under `point` and the point relative to it.
    private func column(at point: Point, width: Int) -> (Block, Point)? {
        let step = columnWidth(width) + gap
        let index = point.x / max(1, step)
        let x = point.x - index * step
        guard index < columns.count, x < columnWidth(width) else { return nil }
        return (columns[index], Point(x: x, y: point.y))
    }

    public func height(forWidth width: Int) -> Int {
        columns.map { $0.height(forWidth: columnWidth(width)) }.max() ?? 0
    }

    public func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {
        let width = columnWidth(frame.width)
        let pressed = pressedAt.flatMap { column(at: $0, width: frame.width) }
        for (index, block) in columns.enumerated() {
            let box = Rect(
                x: frame.minX + index * (width + gap), y: frame.minY, width: width,
                height: block.height(forWidth: width)
            )
            let press = pressed.flatMap { $0.0 === block ? $0.1 : nil }
            block.draw(on: surface, in: box, pressedAt: press)
        }
    }

    public func isPressable(at point: Point, width: Int) -> Bool {
        guard let (block, local) = column(at: point, width: width) else { return false }
        return block.isPressable(at: local, width: columnWidth(width))
    }

    public func tap(at point: Point, width: Int) -> Bool {
        guard let (block, local) = column(at: point, width: width) else { return false }
        return block.tap(at: local, width: columnWidth(width))
    }

    public func discardLayout() {
        for block in columns { block.discardLayout() }
    }

    public func prefetch(forWidth width: Int) {
        for block in columns { block.prefetch(forWidth: columnWidth(width)) }
    }
}
