import Foundation
import PrikbordDisplay
import PrikbordGraphics
import PrikbordInput
import PrikbordKiosk
import Testing

/// The real kiosk drawing straight into a double-buffered display's back
/// buffer shows, frame for frame, what the same kiosk shows drawing into a
/// shadow frame — through taps, pressed states, a slow drag and a fling
/// (blit scrolling), a long post opened, a seat switch and a dark panel —
/// and ends on what a full repaint of its state draws.
@MainActor
@Suite(.serialized)
struct BackBufferDrawingTests {
    static let width = 720
    static let height = 1280

    /// Two kiosks on the same content, one per way of drawing, fed the same
    /// input at the same virtual times.
    @MainActor
    final class Pair {
        let direct: Kiosk
        let shadowed: Kiosk
        let directDisplay = HeadlessDisplay(width: width, height: height)
        let shadowDisplay = HeadlessDisplay(width: width, height: height, shadowFrame: true)
        var clock: UInt64 = 1_000_000
        /// Each frame's damage and whether it reached the panel.
        var history: [(damage: [Rect], shown: Bool)] = []

        init(_ demo: DemoKiosk) throws {
            var config = demo.config(width: width, height: height)
            #expect(KioskSync.once(config: config))
            direct = try Kiosk(config: config, width: width, height: height)
            config.dataDirectory = demo.folder.appendingPathComponent("kiosk-shadowed")
            #expect(KioskSync.once(config: config))
            shadowed = try Kiosk(config: config, width: width, height: height)
        }

        func close() {
            direct.close()
            shadowed.close()
        }

        func send(_ events: InputEvent...) {
            for event in events {
                direct.handle(event)
                shadowed.handle(event)
            }
        }

        func touch(_ kind: String, _ x: Int, _ y: Int, after micros: UInt64 = 16_667) {
            clock += micros
            let (x, y) = (Double(x), Double(y))
            switch kind {
            case "down": send(.touchDown(slot: 0, x: x, y: y, time: clock))
            case "move": send(.touchMotion(slot: 0, x: x, y: y, time: clock))
            default: send(.touchUp(slot: 0, time: clock))
            }
            send(.touchFrame(time: clock))
        }

        func tick(after micros: UInt64 = 16_667) {
            clock += micros
            direct.tick(now: clock)
            shadowed.tick(now: clock)
        }

        /// Draws the next frame both ways and compares what the panels show.
        func frame(_ name: String) throws {
            let presented = directDisplay.presentCount
            var damage: [Rect] = []
            try directDisplay.drawFrame { surface in
                damage = direct.draw(on: surface)
                return damage
            }
            try shadowDisplay.drawFrame { shadowed.draw(on: $0) }

            let difference = comparePictures(
                directDisplay.frame, shadowDisplay.frame, channelTolerance: 0)
            #expect(difference.differingPixels == 0, "\(name): back buffer vs shadow frame")
            // After two frames shown in a row, the back buffer caught up
            // with exactly the one frame it missed.
            if history.count >= 2, history[history.count - 2].shown, let last = history.last,
                last.shown, last.damage.count == 1
            {
                let missed = last.damage[0].width * last.damage[0].height
                #expect(directDisplay.lastCopiedPixels == missed, "\(name): carried over")
            }
            history.append((damage, directDisplay.presentCount > presented))
        }
    }

    @Test func kioskFramesInTheBackBufferEqualShadowFrames() throws {
        let demo = try DemoKiosk()
        let pair = try Pair(demo)
        defer { pair.close() }
        #expect(pair.directDisplay.drawsIntoBackBuffer)
        try pair.frame("first")

        // The People tab pressed, then let go: a tap.
        let people = pair.direct.tabCenter(1)
        pair.touch("down", people.x, people.y)
        try pair.frame("tab pressed")
        pair.touch("up", people.x, people.y)
        try pair.frame("directory")
        #expect(pair.direct.activeScreenID == "directory")

        // A slow drag up, a frame per move, resting before the lift.
        pair.touch("down", 360, 1000)
        for step in 1...8 {
            pair.touch("move", 360, 1000 - 40 * step)
            try pair.frame("drag \(step)")
        }
        pair.tick(after: 400_000)
        pair.touch("up", 360, 680)
        try pair.frame("drag lifted")
        #expect(pair.direct.scrollOffset > 200)

        // Back to the news; a card pressed, then tapped open.
        let news = pair.direct.tabCenter(0)
        pair.touch("down", news.x, news.y, after: 500_000)
        pair.touch("up", news.x, news.y)
        try pair.frame("news")
        pair.touch("down", 360, 470, after: 500_000)
        try pair.frame("card pressed")
        pair.touch("up", 360, 470, after: 60_000)
        try pair.frame("card opened")

        // A fling: a quick stroke up, then a frame per tick until it stops.
        pair.touch("down", 360, 1100, after: 500_000)
        for step in 1...6 { pair.touch("move", 360, 1100 - 100 * step, after: 10_000) }
        pair.touch("up", 360, 500, after: 10_000)
        try pair.frame("fling starts")
        var ticks = 0
        while pair.direct.isAnimating && ticks < 400 {
            pair.tick()
            try pair.frame("fling \(ticks)")
            ticks += 1
        }
        #expect(ticks > 10)

        // The seat goes away: frames are drawn, not shown, until it is back.
        pair.directDisplay.pause()
        pair.shadowDisplay.pause()
        let agenda = pair.direct.tabCenter(2)
        pair.touch("down", agenda.x, agenda.y, after: 500_000)
        try pair.frame("paused, pressed")
        pair.touch("up", agenda.x, agenda.y)
        try pair.frame("paused, agenda")
        try pair.directDisplay.resume()
        try pair.shadowDisplay.resume()
        try pair.frame("resumed")
        #expect(pair.direct.activeScreenID == "agenda")

        // The panel goes dark and comes back with a full repaint.
        try pair.directDisplay.setPowered(false)
        try pair.shadowDisplay.setPowered(false)
        pair.touch("down", news.x, news.y, after: 500_000)
        pair.touch("up", news.x, news.y)
        try pair.frame("dark, news")
        try pair.directDisplay.setPowered(true)
        try pair.shadowDisplay.setPowered(true)
        pair.direct.redrawAll()
        pair.shadowed.redrawAll()
        try pair.frame("lit again")

        // What all those partial frames add up to is what one full repaint
        // of the same state draws.
        let full = comparePictures(pair.directDisplay.frame, pair.direct.frame, channelTolerance: 0)
        #expect(full.differingPixels == 0, "incremental frames vs a full repaint")
        // A shadow frame flips even when only a stale buffer needs its
        // copy; the back buffer shows nothing new then and does not flip.
        #expect(pair.directDisplay.presentCount <= pair.shadowDisplay.presentCount)
        #expect(pair.directDisplay.presentCount > 100)
    }
}
