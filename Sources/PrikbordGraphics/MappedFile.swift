#if canImport(Glibc)
    import Glibc
#endif

/// A file's bytes mapped read-only, unmapped in `deinit`.
///
/// The pages belong to the page cache: they are read in as they are touched
/// and count once however many readers use the one mapping.
final class MappedFile {
    private let base: UnsafeMutableRawPointer
    private let count: Int

    init(path: String) throws(FontError) {
        let fd = try retryingEINTR("open", subject: path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }

        var status = stat()
        try retryingEINTR("fstat", subject: path) { fstat(fd, &status) }
        guard status.st_size > 0 else {
            throw FontError("mmap", "the file is empty", subject: path)
        }

        count = Int(status.st_size)
        base = try mapReadOnly(length: count, fd: fd, subject: path)
    }

    deinit {
        munmap(base, count)
    }

    /// The mapped bytes. A library that keeps the pointer (a memory face)
    /// must be done with it before this mapping is freed.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}

/// Runs a call that returns -1 and sets `errno` on failure, again while a
/// signal interrupts it, and throws the errno with the call's name.
@discardableResult
private func retryingEINTR(
    _ call: String, subject: String, _ body: () -> Int32
) throws(FontError) -> Int32 {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = errno
        if code != EINTR { throw FontError(call: call, errno: code, subject: subject) }
    }
}

/// `mmap` reports failure with MAP_FAILED rather than -1.
private func mapReadOnly(
    length: Int, fd: Int32, subject: String
) throws(FontError) -> UnsafeMutableRawPointer {
    while true {
        let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
        if let pointer, pointer != MAP_FAILED { return pointer }
        let code = errno
        if code != EINTR { throw FontError(call: "mmap", errno: code, subject: subject) }
    }
}
