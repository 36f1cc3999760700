import Testing

@testable import PrikbordInput

struct RecordedGestures: Sendable, CustomTestStringConvertible {
    let recording: String
    let outline: [String]
    var testDescription: String { recording }
}

@Suite struct GestureRecognizerTests {
    @Test(arguments: [
        RecordedGestures(recording: "tap", outline: ["pressed", "tap"]),
        RecordedGestures(recording: "tap-with-jitter", outline: ["pressed", "tap"]),
        RecordedGestures(recording: "longpress", outline: ["pressed", "longPress"]),
        RecordedGestures(
            recording: "scroll-fling",
            outline: ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"]
        ),
        RecordedGestures(
            recording: "scroll-then-rest",
            outline: ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"]
        ),
        RecordedGestures(recording: "swipe-left", outline: ["pressed", "released", "swipe left"]),
        RecordedGestures(recording: "slow-sideways", outline: ["pressed", "released"]),
        RecordedGestures(
            recording: "second-finger-on-tap",
            outline: ["pressed", "released", "pressed", "tap"]
        ),
        RecordedGestures(
            recording: "second-finger-during-drag",
            outline: ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"]
        ),
        RecordedGestures(recording: "cancel-during-press", outline: ["pressed", "released"]),
        RecordedGestures(
            recording: "cancel-during-drag",
            outline: ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"]
        ),
        RecordedGestures(recording: "palm", outline: ["pressed", "released", "pressed", "tap"]),
        RecordedGestures(
            recording: "palm-during-drag",
            outline: ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"]
        ),
    ])
    func recordingIsRecognisedAs(_ expected: RecordedGestures) throws {
        let gestures = recognize(try recording(expected.recording))

        #expect(outline(gestures) == expected.outline)
    }

    @Test func tapLandsWhereTheFingerCameDownDespiteJitter() throws {
        let gestures = recognize(try recording("tap-with-jitter"))

        #expect(gestures == [.pressed(x: 540, y: 900), .tap(x: 540, y: 900)])
    }

    @Test func slopIsMeasuredInMillimetres() {
        // 10 px is 2.5 mm on a 4 px/mm kiosk panel but 5 mm on a 2 px/mm one.
        let events: [InputEvent] = [
            .touchDown(slot: 0, x: 100, y: 100, time: 0),
            .touchMotion(slot: 0, x: 100, y: 110, time: 20_000),
            .touchUp(slot: 0, time: 40_000),
        ]

        let dense = GestureRecognizer(pixelsPerMillimetre: 4)
        let coarse = GestureRecognizer(pixelsPerMillimetre: 2)

        #expect(outline(events.flatMap { dense.handle($0) }) == ["pressed", "tap"])
        #expect(
            outline(events.flatMap { coarse.handle($0) })
                == ["pressed", "released", "dragBegan", "dragMoved…", "dragEnded"])
    }

    @Test func longPressFiresFromTickWhileTheFingerRests() {
        let recognizer = GestureRecognizer(pixelsPerMillimetre: kioskPixelsPerMillimetre)
        _ = recognizer.handle(.touchDown(slot: 0, x: 200, y: 300, time: 1_000_000))

        #expect(recognizer.tick(now: 1_400_000).isEmpty)
        #expect(recognizer.tick(now: 1_500_000) == [.longPress(x: 200, y: 300)])
        #expect(recognizer.tick(now: 1_600_000).isEmpty)
        #expect(recognizer.handle(.touchUp(slot: 0, time: 1_700_000)).isEmpty)
    }

    @Test func dragFollowsTheFingerFromWhereItLanded() throws {
        let gestures = recognize(try recording("scroll-fling"))

        let moved = gestures.reduce(into: (dx: 0.0, dy: 0.0)) { total, gesture in
            if case .dragMoved(let dx, let dy) = gesture { total = (total.dx + dx, total.dy + dy) }
        }
        #expect(gestures[2] == .dragBegan(x: 540, y: 1400))
        #expect(abs(moved.dx) < 1e-9)
        #expect(abs(moved.dy - -800) < 1e-9)
    }

    @Test func releaseVelocityComesFromTheLastSamples() throws {
        let gestures = recognize(try recording("scroll-fling"))

        // 800 px in 300 ms, steady: about 2,667 px/s upwards.
        guard case .dragEnded(let vx, let vy) = gestures.last else {
            Issue.record("no dragEnded in \(gestures)")
            return
        }
        #expect(vx == 0)
        #expect(abs(vy - -2_666.7) < 1)
    }

    @Test(arguments: ["scroll-then-rest", "cancel-during-drag", "palm-during-drag"])
    func interruptedOrRestingDragDoesNotFling(_ name: String) throws {
        let gestures = recognize(try recording(name))

        #expect(gestures.last == .dragEnded(velocityX: 0, velocityY: 0))
    }

    @Test func secondFingerDuringDragDoesNotStopTheFling() throws {
        let gestures = recognize(try recording("second-finger-during-drag"))

        guard case .dragEnded(_, let vy) = gestures.last else {
            Issue.record("no dragEnded in \(gestures)")
            return
        }
        // The first finger's last 80 ms: 230 px in 64 ms.
        #expect(abs(vy - -3_593.75) < 1e-6)
    }

    @Test func swipeRightMirrorsSwipeLeft() throws {
        let gestures = recognize(try ScriptedInput.parse("0 drag 200 1000 900 990 150"))

        #expect(gestures.last == .swipe(.right))
    }

    @Test func cancelledTouchNeverTaps() {
        let recognizer = GestureRecognizer(pixelsPerMillimetre: kioskPixelsPerMillimetre)
        let events: [InputEvent] = [
            .touchDown(slot: 4, x: 10, y: 10, time: 0), .touchFrame(time: 0),
            .touchCancel(slot: 4, time: 30_000), .touchFrame(time: 30_000),
            // An up for a slot already cancelled is ignored.
            .touchUp(slot: 4, time: 40_000),
        ]

        #expect(events.flatMap { recognizer.handle($0) } == [.pressed(x: 10, y: 10), .released])
    }
}
