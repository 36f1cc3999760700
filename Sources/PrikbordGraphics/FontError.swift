#if canImport(Glibc)
    import Glibc
#endif

/// Why fonts could not be found, opened or used.
public struct FontError: Error, CustomStringConvertible, Sendable {
    /// What was being done: "fontconfig match", "FT_New_Memory_Face", "mmap", ...
    public let operation: String
    /// What the library or the check said.
    public let reason: String
    /// The font file or family concerned.
    public let subject: String?

    init(_ operation: String, _ reason: String, subject: String? = nil) {
        self.operation = operation
        self.reason = reason
        self.subject = subject
    }

    /// A FreeType call that returned `code`.
    init(freeType operation: String, code: Int32, subject: String? = nil) {
        self.init(operation, "FreeType error \(code)", subject: subject)
    }

    /// A system call that left `errno`.
    init(call: String, errno code: Int32, subject: String) {
        self.init(call, "\(String(cString: strerror(code))) (errno \(code))", subject: subject)
    }

    public var description: String {
        let place = subject.map { " (\($0))" } ?? ""
        return "\(operation) failed: \(reason)\(place)"
    }
}
