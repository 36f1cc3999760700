import PrikbordGraphics

/// Which regions of each buffer in a swap chain are out of date.
///
/// A frame's damage is painted into the back buffer only; every other buffer
/// still shows the older picture there and must get the same pixels before it
/// is shown again. So each buffer collects the damage of the frames it missed,
/// and the next repaint of that buffer copies its own stale regions as well as
/// the new damage. All rectangles are in logical (frame) coordinates.
public struct DamageTracker: Sendable {
    /// Above this many rectangles a buffer's stale list collapses into their
    /// bounding box: one larger copy is cheaper than bookkeeping many.
    static let maximumRegions = 16

    public let bounds: Rect
    public private(set) var stale: [[Rect]]

    /// Every buffer starts out wholly stale: its contents are unknown. When
    /// they are known to be alike (all cleared to black), `allAlike` starts
    /// them with nothing to copy.
    public init(bufferCount: Int, width: Int, height: Int, allAlike: Bool = false) {
        bounds = Rect(x: 0, y: 0, width: width, height: height)
        stale = Array(repeating: allAlike ? [] : [bounds], count: bufferCount)
    }

    /// The regions to copy into `buffer` for a frame with `damage`, and the
    /// bookkeeping that goes with it: `buffer` becomes current, the others
    /// learn that they miss `damage`.
    public mutating func beginRepaint(buffer: Int, damage: [Rect]) -> [Rect] {
        let fresh = Self.clipped(damage, to: bounds)
        let regions = Self.merged(takeStale(buffer: buffer) + fresh)
        painted(fresh, into: buffer)
        return regions
    }

    /// The regions `buffer` misses, which the caller is about to bring up to
    /// date; from now on it misses nothing.
    public mutating func takeStale(buffer: Int) -> [Rect] {
        defer { stale[buffer] = [] }
        return stale[buffer]
    }

    /// `damage` was drawn into `buffer` only: every other buffer misses it.
    public mutating func painted(_ damage: [Rect], into buffer: Int) {
        let fresh = Self.clipped(damage, to: bounds)
        guard !fresh.isEmpty else { return }
        for other in stale.indices where other != buffer {
            stale[other] = Self.merged(stale[other] + fresh)
        }
    }

    /// The repaint did not reach the screen or the buffer is suspect: copy
    /// `regions` into `buffer` again next time.
    public mutating func keepStale(buffer: Int, regions: [Rect]) {
        stale[buffer] = Self.merged(stale[buffer] + Self.clipped(regions, to: bounds))
    }

    /// Damage that reached no buffer yet (a flip was in flight, the seat was
    /// away): every buffer misses it.
    public mutating func missed(_ damage: [Rect]) {
        let fresh = Self.clipped(damage, to: bounds)
        guard !fresh.isEmpty else { return }
        for index in stale.indices { stale[index] = Self.merged(stale[index] + fresh) }
    }

    /// Everything must be repainted everywhere (after a modeset, on resume).
    public mutating func markAllStale() {
        for index in stale.indices { stale[index] = [bounds] }
    }

    static func clipped(_ rects: [Rect], to bounds: Rect) -> [Rect] {
        rects.map { $0.intersection(bounds) }.filter { !$0.isEmpty }
    }

    /// Drops rectangles covered by another and collapses long lists.
    static func merged(_ rects: [Rect]) -> [Rect] {
        var kept: [Rect] = []
        for rect in rects where !rect.isEmpty {
            if kept.contains(where: { covers($0, rect) }) { continue }
            kept.removeAll { covers(rect, $0) }
            kept.append(rect)
        }
        if kept.count > maximumRegions {
            return [kept.dropFirst().reduce(kept[0]) { $0.union($1) }]
        }
        return kept
    }

    static func covers(_ outer: Rect, _ inner: Rect) -> Bool {
        outer.minX <= inner.minX && outer.minY <= inner.minY
            && outer.maxX >= inner.maxX && outer.maxY >= inner.maxY
    }
}
