import CSystemd
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// One line per event worth knowing, with structured context.
///
/// Under systemd (when `JOURNAL_STREAM` is set) lines go to the journal with
/// their fields; otherwise to standard error as `level message key=value`.
public enum Log {
    public enum Level: Int, Sendable {
        // syslog's priorities, which the journal keeps.
        case error = 3
        case warning = 4
        case notice = 5
        case info = 6
        case debug = 7

        var label: String {
            switch self {
            case .error: "error"
            case .warning: "warning"
            case .notice: "notice"
            case .info: "info"
            case .debug: "debug"
            }
        }
    }

    public static func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        write(.error, message, fields)
    }

    public static func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        write(.warning, message, fields)
    }

    public static func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        write(.info, message, fields)
    }

    public static func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard verbose else { return }
        write(.debug, message, fields)
    }

    /// Debug lines are written only when `PRIKBORD_DEBUG` is set.
    nonisolated(unsafe) public static var verbose =
        ProcessInfo.processInfo.environment["PRIKBORD_DEBUG"] != nil

    /// Silences everything below warnings, for tests and benchmarks.
    nonisolated(unsafe) public static var quiet = false

    private static let toJournal =
        ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil

    public static func write(
        _ level: Level, _ message: String, _ fields: KeyValuePairs<String, String>
    ) {
        if quiet && level.rawValue > Level.warning.rawValue { return }
        if toJournal {
            journal(level, message, fields)
        } else {
            var line = "prikbord \(level.label): \(message)"
            for (key, value) in fields {
                let quoted = value.contains(" ") ? "\"\(value)\"" : value
                line += " \(key)=\(quoted)"
            }
            line += "\n"
            // One write(2) per line, so lines from threads and from a child
            // process sharing the stream never interleave.
            var bytes = Array(line.utf8)
            _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }

    private static func journal(
        _ level: Level, _ message: String, _ fields: KeyValuePairs<String, String>
    ) {
        // Journal field names are upper case letters, digits and underscores.
        var entries = ["MESSAGE=\(message)", "PRIORITY=\(level.rawValue)"]
        for (key, value) in fields {
            let name = key.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
            entries.append("\(String(name))=\(value)")
        }
        let strings = entries.map { strdup($0) }
        defer { for string in strings { free(string) } }
        var vectors = strings.map { iovec(iov_base: $0, iov_len: strlen($0!)) }
        _ = sd_journal_sendv(&vectors, Int32(vectors.count))
    }
}
