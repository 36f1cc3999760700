import PrikbordGraphics

/// One piece of a scrolling screen: a card, a day header, a row of faces.
///
/// A block lays itself out for a width, caches what it laid out, and draws
/// itself into any frame of that width. The list around it owns scrolling,
/// hit testing and the pressed state, so a plugin only says what a block
/// looks like and what a tap on it does.
@MainActor
public protocol Block: AnyObject {
    /// The height the block needs at `width`; called once per width.
    func height(forWidth width: Int) -> Int

    /// Draws the block into `frame` (screen coordinates). `pressedAt`, when
    /// set, is where a finger rests, relative to the frame's top-left corner.
    func draw(on surface: Surface, in frame: Rect, pressedAt: Point?)

    /// Whether a finger at `point` (relative to the block) would press
    /// something; the list shows the pressed state only then.
    func isPressable(at point: Point, width: Int) -> Bool

    /// A tap at `point` (relative to the block). Returns whether it acted.
    func tap(at point: Point, width: Int) -> Bool

    /// Loads what drawing will need (photos), ahead of time, so the first
    /// frame of a screen costs no decoding.
    func prefetch(forWidth width: Int)

    /// Drops what the block laid out; the list calls this once the block is
    /// far off screen. Laid out again, the block must keep its height.
    func discardLayout()
}

extension Block {
    public func prefetch(forWidth width: Int) {}

    public func discardLayout() {}

    public func isPressable(at point: Point, width: Int) -> Bool { false }
    public func tap(at point: Point, width: Int) -> Bool { false }
}

/// Empty room between blocks.
public final class SpacerBlock: Block {
    let size: Int
    public init(height: Int) { size = height }
    public func height(forWidth width: Int) -> Int { size }
    public func draw(on surface: Surface, in frame: Rect, pressedAt: Point?) {}
}
