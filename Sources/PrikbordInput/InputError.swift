#if canImport(Glibc)
    import Glibc
#endif

/// A failure to reach input devices: which call failed, on what, and why.
public struct InputError: Error, CustomStringConvertible, Equatable {
    /// The C call that failed, e.g. `libseat_open_device`.
    public let call: String
    /// The errno it left, when it sets one.
    public let errno: Int32?
    /// What it was called on: a device path, a seat, a keyboard layout.
    public let subject: String?

    public init(call: String, errno: Int32? = nil, subject: String? = nil) {
        self.call = call
        self.errno = errno
        self.subject = subject
    }

    public var description: String {
        var text = "\(call) failed"
        if let subject { text += " for \(subject)" }
        if let errno { text += ": \(String(cString: strerror(errno))) (errno \(errno))" }
        return text
    }
}

/// Runs an errno-setting call that returns a negative value on failure,
/// again while a signal interrupts it, and throws what it failed with.
@discardableResult
func retryingEINTR(
    _ call: String, subject: String? = nil, _ body: () -> Int32
) throws(InputError) -> Int32 {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = errno
        if code != EINTR { throw InputError(call: call, errno: code, subject: subject) }
    }
}
