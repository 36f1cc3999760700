#if canImport(Glibc)
    import Glibc
#endif

/// Why a display could not be opened or driven.
public enum DisplayError: Error, CustomStringConvertible {
    /// A system or libdrm call failed: its name, errno and what it was called on.
    case systemCall(name: String, errno: Int32, subject: String)
    /// No device of the requested kind can show a picture.
    case noDevice(String)
    /// The device works but cannot show our frames (format, mode, buffers).
    case unsupported(String)

    public var description: String {
        switch self {
        case .systemCall(let name, let code, let subject):
            "\(name) on \(subject) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .noDevice(let what):
            "no display device: \(what)"
        case .unsupported(let what):
            "display not usable: \(what)"
        }
    }

    /// The errno of a failed call, nil for the other cases.
    public var errno: Int32? {
        if case .systemCall(_, let code, _) = self { return code }
        return nil
    }
}
