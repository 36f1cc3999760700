import FoundationEssentials

/// Touch and keys from a text script, expanded into the same event stream a
/// real touchscreen gives, so tests and the headless kiosk drive the real
/// gesture path.
///
/// One line per moment, times in milliseconds from the start; several
/// commands at the same moment are separated by `/`:
/// ```
/// # comment
/// 0    tap 540 1850
/// 500  drag 540 1400 540 600 300        # from, to, duration ms
/// 1200 longpress 200 300                # optional hold time ms, default 800
/// 2000 down 0 100 100 / move 0 120 100 / up 0 / cancel 0 / frame
/// 2500 key 30 down / key 30 up / text 0042
/// ```
/// `tap`, `drag` and `longpress` use slot 0 and add their own frames; the
/// low-level commands (`down slot x y`, `move slot x y`, `up slot`,
/// `cancel slot`, `frame`) are taken as written, as a recording of real
/// hardware would be. `text` takes the rest of its command as the typed text.
public enum ScriptedInput {
    /// A line of a script that cannot be read.
    public struct ScriptError: Error, CustomStringConvertible, Equatable {
        public let line: Int
        public let message: String
        public let path: String?

        public var description: String {
            "\(path ?? "script"):\(line): \(message)"
        }
    }

    /// How long a scripted tap keeps the finger down.
    static let tapHoldMilliseconds = 60
    /// How long a scripted long press keeps the finger down unless told.
    static let longPressHoldMilliseconds = 800
    /// A drag reports motion this often, like a 125 Hz touch controller.
    static let motionIntervalMilliseconds = 8

    /// The events of `text`, ordered by time.
    public static func parse(_ text: String) throws -> [InputEvent] {
        try parse(text, path: nil)
    }

    /// The events of the script at `path`; errors name the file.
    public static func load(path: String) throws -> [InputEvent] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScriptError(line: 0, message: "cannot read: \(error)", path: path)
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String?) throws -> [InputEvent] {
        var events: [(order: Int, event: InputEvent)] = []
        var lastStart = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let number = index + 1
            let line =
                rawLine
                .split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                .first.map(String.init) ?? ""
            if line.allSatisfy(\.isWhitespace) { continue }

            do {
                let (start, commands) = try splitMoment(line)
                guard start >= lastStart else {
                    throw Failure("time \(start) ms is before the previous line's \(lastStart) ms")
                }
                lastStart = start
                for command in commands {
                    for event in try expand(command, at: start) {
                        events.append((events.count, event))
                    }
                }
            } catch let failure as Failure {
                throw ScriptError(line: number, message: failure.message, path: path)
            }
        }
        // Gestures that last longer than the gap to the next line interleave
        // with it, as two fingers' events would.
        return events.sorted {
            let (a, b) = ($0.event.time ?? 0, $1.event.time ?? 0)
            return a != b ? a < b : $0.order < $1.order
        }.map(\.event)
    }

    private struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func splitMoment(_ line: String) throws -> (Int, [[Substring]]) {
        let start = line.firstIndex { !$0.isWhitespace } ?? line.endIndex
        let end = line.lastIndex { !$0.isWhitespace }.map { line.index(after: $0) } ?? start
        let trimmed = line[start..<end]
        let head = trimmed.prefix { !$0.isWhitespace }
        // A script runs for a day at most; later times are a typing error.
        guard let start = Int(head), (0...86_400_000).contains(start) else {
            throw Failure("expected a time from 0 to 86400000 ms, found '\(head)'")
        }
        let rest = trimmed.dropFirst(head.count)
        let commands = rest.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: \.isWhitespace)
        }
        guard commands.allSatisfy({ !$0.isEmpty }) else {
            throw Failure("expected a command after the time")
        }
        return (start, commands)
    }

    private static func expand(_ words: [Substring], at start: Int) throws -> [InputEvent] {
        let name = String(words[0])
        let arguments = Array(words.dropFirst())
        let time = UInt64(start) * 1_000
        switch name {
        case "tap":
            try expectCount(arguments, in: 2...2, name)
            let (x, y) = try (number(arguments, 0, name, 2), number(arguments, 1, name, 2))
            return press(x: x, y: y, at: start, hold: tapHoldMilliseconds)
        case "longpress":
            try expectCount(arguments, in: 2...3, name)
            let (x, y) = try (number(arguments, 0, name, 2), number(arguments, 1, name, 2))
            let hold =
                arguments.count == 3
                ? try milliseconds(arguments[2], name) : longPressHoldMilliseconds
            return press(x: x, y: y, at: start, hold: hold)
        case "drag":
            try expectCount(arguments, in: 5...5, name)
            let values = try (0..<4).map { try number(arguments, $0, name, 5) }
            let duration = try milliseconds(arguments[4], name)
            return drag(
                from: (values[0], values[1]), to: (values[2], values[3]),
                at: start, duration: duration
            )
        case "down", "move":
            try expectCount(arguments, in: 3...3, name)
            let slot = try slotNumber(arguments[0], name)
            let (x, y) = try (number(arguments, 1, name, 3), number(arguments, 2, name, 3))
            return name == "down"
                ? [.touchDown(slot: slot, x: x, y: y, time: time)]
                : [.touchMotion(slot: slot, x: x, y: y, time: time)]
        case "up", "cancel":
            try expectCount(arguments, in: 1...1, name)
            let slot = try slotNumber(arguments[0], name)
            return name == "up"
                ? [.touchUp(slot: slot, time: time)] : [.touchCancel(slot: slot, time: time)]
        case "frame":
            try expectCount(arguments, in: 0...0, name)
            return [.touchFrame(time: time)]
        case "key":
            try expectCount(arguments, in: 2...2, name)
            guard let code = UInt32(arguments[0]) else {
                throw Failure("key: expected a key code, found '\(arguments[0])'")
            }
            guard arguments[1] == "down" || arguments[1] == "up" else {
                throw Failure("key: expected 'down' or 'up', found '\(arguments[1])'")
            }
            return [.key(code: code, pressed: arguments[1] == "down", time: time)]
        case "text":
            // TODO: typed text cannot hold "/" or "#"; add escapes if a badge id needs them.
            guard !arguments.isEmpty else { throw Failure("text: expected the typed text") }
            return [.text(arguments.joined(separator: " "), time: time)]
        default:
            throw Failure("unknown command '\(name)'")
        }
    }

    private static func press(x: Double, y: Double, at start: Int, hold: Int) -> [InputEvent] {
        let down = UInt64(start) * 1_000
        let up = UInt64(start + hold) * 1_000
        return [
            .touchDown(slot: 0, x: x, y: y, time: down), .touchFrame(time: down),
            .touchUp(slot: 0, time: up), .touchFrame(time: up),
        ]
    }

    private static func drag(
        from: (Double, Double), to: (Double, Double), at start: Int, duration: Int
    ) -> [InputEvent] {
        var events: [InputEvent] = [
            .touchDown(slot: 0, x: from.0, y: from.1, time: UInt64(start) * 1_000),
            .touchFrame(time: UInt64(start) * 1_000),
        ]
        var elapsed = 0
        while elapsed < duration {
            elapsed = min(elapsed + motionIntervalMilliseconds, duration)
            let fraction = Double(elapsed) / Double(duration)
            let time = UInt64(start + elapsed) * 1_000
            events.append(
                .touchMotion(
                    slot: 0,
                    x: from.0 + (to.0 - from.0) * fraction,
                    y: from.1 + (to.1 - from.1) * fraction,
                    time: time
                ))
            events.append(.touchFrame(time: time))
        }
        let end = UInt64(start + duration) * 1_000
        return events + [.touchUp(slot: 0, time: end), .touchFrame(time: end)]
    }

    private static func expectCount(
        _ arguments: [Substring], in range: ClosedRange<Int>, _ name: String
    ) throws {
        guard range.contains(arguments.count) else {
            let wanted =
                range.count == 1
                ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            throw Failure("\(name): expected \(wanted) arguments, found \(arguments.count)")
        }
    }

    private static func number(
        _ arguments: [Substring], _ index: Int, _ name: String, _ count: Int
    ) throws -> Double {
        guard arguments.count >= count else {
            throw Failure("\(name): expected \(count) arguments, found \(arguments.count)")
        }
        guard let value = Double(arguments[index]), value.isFinite else {
            throw Failure("\(name): expected a coordinate, found '\(arguments[index])'")
        }
        return value
    }

    /// Longest hold or drag a script may ask for: one minute.
    static let longestGestureMilliseconds = 60_000

    private static func milliseconds(_ word: Substring, _ name: String) throws -> Int {
        guard let value = Int(word), value > 0, value <= longestGestureMilliseconds else {
            throw Failure(
                "\(name): expected a duration from 1 to \(longestGestureMilliseconds) ms, found '\(word)'"
            )
        }
        return value
    }

    private static func slotNumber(_ word: Substring, _ name: String) throws -> Int32 {
        guard let slot = Int32(word), slot >= 0 else {
            throw Failure("\(name): expected a slot number, found '\(word)'")
        }
        return slot
    }
}
