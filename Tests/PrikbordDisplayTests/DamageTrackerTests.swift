import PrikbordGraphics
import Testing

@testable import PrikbordDisplay

/// A swap chain of in-memory buffers driven the way DRMDisplay drives its dumb
/// buffers: each frame is painted into the back buffer, which then flips.
private struct SwapChain {
    let buffers: [Surface]
    var tracker: DamageTracker
    var back = 0

    init(count: Int, width: Int, height: Int) {
        buffers = (0..<count).map { _ in Surface(width: width, height: height, color: .black) }
        tracker = DamageTracker(bufferCount: count, width: width, height: height)
    }

    mutating func present(_ frame: Surface, damage: [Rect]) -> [Rect] {
        let regions = tracker.beginRepaint(buffer: back, damage: damage)
        for region in regions { buffers[back].copy(region, from: frame) }
        back = (back + 1) % buffers.count
        return regions
    }
}

private func differingPixels(_ a: Surface, _ b: Surface) -> Int {
    var count = 0
    for y in 0..<a.height {
        for x in 0..<a.width where a.pixel(x: x, y: y) != b.pixel(x: x, y: y) { count += 1 }
    }
    return count
}

@Test func damageOfFrameNReachesTheOtherBufferAtFrameNPlusOne() {
    var chain = SwapChain(count: 2, width: 40, height: 30)
    let frame = Surface(width: 40, height: 30, color: .white)
    _ = chain.present(frame, damage: [Rect(x: 0, y: 0, width: 40, height: 30)])
    _ = chain.present(frame, damage: [])

    let a = Rect(x: 2, y: 3, width: 5, height: 4)
    frame.fill(a, Color(hex: 0xff0000))
    let first = chain.present(frame, damage: [a])  // into buffer 0
    #expect(first == [a])

    let b = Rect(x: 20, y: 10, width: 6, height: 6)
    frame.fill(b, Color(hex: 0x00ff00))
    let second = chain.present(frame, damage: [b])  // into buffer 1: must carry `a`
    #expect(Set(second) == [a, b])
    #expect(differingPixels(chain.buffers[1], frame) == 0)

    let third = chain.present(frame, damage: [])  // buffer 0 still misses `b`
    #expect(third == [b])
    #expect(differingPixels(chain.buffers[0], frame) == 0)
}

@Test(arguments: [2, 3])
func everyPresentedBufferEqualsItsFrame(bufferCount: Int) {
    var chain = SwapChain(count: bufferCount, width: 64, height: 48)
    let frame = Surface(width: 64, height: 48, color: .white)
    var seed: UInt32 = 12345
    func next(_ bound: Int) -> Int {
        seed = seed &* 1_103_515_245 &+ 12345
        return Int((seed >> 16) % UInt32(bound))
    }

    _ = chain.present(frame, damage: [])  // first frame: all stale anyway
    for n in 1...60 {
        let damage = (0..<next(3)).map { _ in
            Rect(x: next(60), y: next(44), width: 1 + next(20), height: 1 + next(20))
        }
        // Damage may run past the edge; the drawing into the frame may not.
        for rect in damage {
            frame.fill(rect.intersection(frame.bounds), Color(hex: UInt32(n) &* 0x10_3050))
        }
        let presented = chain.back
        _ = chain.present(frame, damage: damage)
        #expect(differingPixels(chain.buffers[presented], frame) == 0, "frame \(n)")
    }
}

@Test func failedRepaintIsCopiedAgainNextTime() {
    var tracker = DamageTracker(bufferCount: 2, width: 10, height: 10)
    _ = tracker.beginRepaint(buffer: 0, damage: [])
    _ = tracker.beginRepaint(buffer: 1, damage: [])
    let damage = Rect(x: 1, y: 1, width: 2, height: 2)
    let regions = tracker.beginRepaint(buffer: 1, damage: [damage])
    tracker.keepStale(buffer: 1, regions: regions)

    #expect(regions == [damage])
    #expect(tracker.beginRepaint(buffer: 1, damage: []) == [damage])
}

@Test func damageThatReachedNoBufferIsMissedByAll() {
    var tracker = DamageTracker(bufferCount: 2, width: 10, height: 10)
    _ = tracker.beginRepaint(buffer: 0, damage: [])
    _ = tracker.beginRepaint(buffer: 1, damage: [])
    let damage = Rect(x: 4, y: 4, width: 3, height: 3)
    tracker.missed([damage])

    #expect(tracker.stale == [[damage], [damage]])
}

@Test func damageIsClippedAndCoveredRegionsDropped() {
    var tracker = DamageTracker(bufferCount: 1, width: 10, height: 10)
    _ = tracker.beginRepaint(buffer: 0, damage: [])
    let regions = tracker.beginRepaint(
        buffer: 0,
        damage: [
            Rect(x: 8, y: 8, width: 5, height: 5),
            Rect(x: 0, y: 0, width: 6, height: 6),
            Rect(x: 1, y: 1, width: 2, height: 2),
        ])
    #expect(
        regions == [
            Rect(x: 8, y: 8, width: 2, height: 2), Rect(x: 0, y: 0, width: 6, height: 6),
        ])
}

@Test func longStaleListsCollapseToTheirBoundingBox() {
    let many = (0..<40).map { Rect(x: $0, y: $0, width: 1, height: 1) }
    #expect(DamageTracker.merged(many) == [Rect(x: 0, y: 0, width: 40, height: 40)])
}
