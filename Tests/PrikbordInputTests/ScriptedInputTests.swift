import Testing

@testable import PrikbordInput

@Suite struct ScriptedInputTests {
    @Test func tapIsADownAndAnUpInTheirOwnFrames() throws {
        let events = try ScriptedInput.parse("100 tap 540 1850")

        #expect(
            events == [
                .touchDown(slot: 0, x: 540, y: 1850, time: 100_000), .touchFrame(time: 100_000),
                .touchUp(slot: 0, time: 160_000), .touchFrame(time: 160_000),
            ])
    }

    @Test func dragMovesEveryEightMillisecondsAlongThePath() throws {
        let events = try ScriptedInput.parse("0 drag 540 1400 540 600 300")

        let motions = events.compactMap { event -> (Double, UInt64)? in
            if case .touchMotion(_, _, let y, let time) = event { return (y, time) }
            return nil
        }
        #expect(events.first == .touchDown(slot: 0, x: 540, y: 1400, time: 0))
        #expect(motions.count == 38)
        #expect(motions.first.map { $0.1 } == 8_000)
        #expect(motions.last.map { $0.0 } == 600)
        #expect(motions.last.map { $0.1 } == 300_000)
        #expect(zip(motions, motions.dropFirst()).allSatisfy { $0.0 > $1.0 && $0.1 < $1.1 })
        #expect(
            Array(events.suffix(2)) == [
                .touchUp(slot: 0, time: 300_000), .touchFrame(time: 300_000),
            ])
    }

    @Test func lowLevelCommandsAreTakenAsWritten() throws {
        let script = """
            # two fingers
            0  down 0 100 100 / down 1 300 100 / frame

            10 move 1 310 102 / frame   # only the second moves
            20 up 0 / cancel 1 / frame
            30 key 30 down / key 30 up / text 00 42
            """

        let events = try ScriptedInput.parse(script)

        #expect(
            events == [
                .touchDown(slot: 0, x: 100, y: 100, time: 0),
                .touchDown(slot: 1, x: 300, y: 100, time: 0), .touchFrame(time: 0),
                .touchMotion(slot: 1, x: 310, y: 102, time: 10_000), .touchFrame(time: 10_000),
                .touchUp(slot: 0, time: 20_000), .touchCancel(slot: 1, time: 20_000),
                .touchFrame(time: 20_000),
                .key(code: 30, pressed: true, time: 30_000),
                .key(code: 30, pressed: false, time: 30_000),
                .text("00 42", time: 30_000),
            ])
    }

    @Test func longerGesturesInterleaveWithLaterLines() throws {
        let events = try ScriptedInput.parse("0 longpress 10 10 800\n100 down 1 50 50")

        #expect(events[2] == .touchDown(slot: 1, x: 50, y: 50, time: 100_000))
    }

    struct BadLine: Sendable, CustomTestStringConvertible {
        let script: String
        let line: Int
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        BadLine(script: "0 tap 1 2\n\n5 wave 3 4", line: 3, message: "unknown command 'wave'"),
        BadLine(
            script: "soon tap 1 2", line: 1,
            message: "expected a time from 0 to 86400000 ms, found 'soon'"),
        BadLine(
            script: "9223372036854775807 tap 1 1", line: 1,
            message: "expected a time from 0 to 86400000 ms, found '9223372036854775807'"),
        BadLine(script: "0 tap 1 2 3 4", line: 1, message: "tap: expected 2 arguments, found 4"),
        BadLine(script: "0 tap 1", line: 1, message: "tap: expected 2 arguments, found 1"),
        BadLine(
            script: "0 drag 1 2 3 4 fast", line: 1,
            message: "drag: expected a duration from 1 to 60000 ms, found 'fast'"),
        BadLine(
            script: "0 drag 100 100 100 1000 1000000000", line: 1,
            message: "drag: expected a duration from 1 to 60000 ms, found '1000000000'"),
        BadLine(
            script: "0 longpress 1 1 9223372036854775000", line: 1,
            message:
                "longpress: expected a duration from 1 to 60000 ms, found '9223372036854775000'"),
        BadLine(
            script: "0 down -1 5 5", line: 1,
            message: "down: expected a slot number, found '-1'"),
        BadLine(
            script: "0 move 0 x 5", line: 1,
            message: "move: expected a coordinate, found 'x'"),
        BadLine(
            script: "100 frame\n# later\n50 frame", line: 3,
            message: "time 50 ms is before the previous line's 100 ms"),
        BadLine(script: "0 frame / ", line: 1, message: "expected a command after the time"),
        BadLine(
            script: "0 key 30 sideways", line: 1,
            message: "key: expected 'down' or 'up', found 'sideways'"),
    ])
    func badLineIsReportedWithItsNumber(_ bad: BadLine) {
        let error = ScriptedInput.ScriptError(line: bad.line, message: bad.message, path: nil)
        #expect(throws: error) {
            try ScriptedInput.parse(bad.script)
        }
    }

    @Test func loadNamesTheFileInItsErrors() throws {
        let path = FileManagerPath.temporary("bad-script.txt")
        try "0 tap 1 2\n1 hop".write(toFile: path, atomically: true, encoding: .utf8)

        #expect(
            throws: ScriptedInput.ScriptError(
                line: 2, message: "unknown command 'hop'", path: path
            )
        ) {
            try ScriptedInput.load(path: path)
        }
    }
}
