import Testing

@testable import PrikbordInput

@Suite struct FlingTests {
    /// Positions at 60 Hz until the fling finishes (or 10 s pass).
    func frames(of fling: inout Fling) -> [Double] {
        var positions: [Double] = []
        var time = fling.startTime
        while !fling.isFinished && positions.count < 600 {
            time += 16_667
            positions.append(fling.position(at: time))
        }
        return positions
    }

    @Test func flingDeceleratesSteadilyAndFinishes() {
        var fling = Fling(position: 1_000, velocity: 3_000, range: 0...50_000, time: 5_000_000)

        let positions = frames(of: &fling)
        let steps = zip(positions, positions.dropFirst()).map { $1 - $0 }

        #expect(fling.isFinished)
        #expect(positions.count < 200)
        #expect(steps.allSatisfy { $0 >= 0 })
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $1 <= $0 })
        // v·τ = 975 px of travel in all.
        #expect(abs(positions.last! - 1_975) < 10)
    }

    @Test(arguments: [(500.0, -4_000.0), (9_500.0, 4_000.0)])
    func flingStopsAtTheEndOfTheRangeWithoutOvershoot(start: Double, velocity: Double) {
        var fling = Fling(position: start, velocity: velocity, range: 0...10_000, time: 0)

        let positions = frames(of: &fling)

        #expect(fling.isFinished)
        #expect(positions.allSatisfy { (0...10_000).contains($0) })
        #expect(positions.last == (velocity < 0 ? 0 : 10_000))
        #expect(fling.position(at: 60_000_000) == positions.last)
    }

    @Test func slowReleaseIsAlreadyAtRest() {
        var fling = Fling(position: 300, velocity: 5, range: 0...1_000, time: 0)

        #expect(fling.isFinished)
        #expect(fling.position(at: 100_000) == 300)
    }

    @Test func flingAgainstTheEndItRestsOnDoesNotMove() {
        var fling = Fling(position: 0, velocity: -2_000, range: 0...1_000, time: 0)

        #expect(fling.isFinished)
        #expect(fling.position(at: 50_000) == 0)
    }

    @Test func lateFramesDoNotChangeTheOutcome() {
        var smooth = Fling(position: 0, velocity: 2_000, range: 0...5_000, time: 0)
        var jerky = smooth

        _ = frames(of: &smooth)
        _ = jerky.position(at: 250_000)
        let rest = jerky.position(at: 10_000_000)

        #expect(abs(rest - smooth.position(at: 10_000_000)) < 8)
    }
}
