#if canImport(Glibc)
    import Glibc
#endif

/// Runs a call that reports failure with a negative result and `errno`,
/// retrying while it is interrupted, and throws the errno with the call's name.
///
/// libdrm's wrappers return `-errno` (and leave `errno` set); the kernel's
/// calls return -1. Both end up here.
@discardableResult
func systemCall<T: BinaryInteger>(
    _ name: String, on subject: String, _ call: () -> T
) throws(DisplayError) -> T {
    while true {
        errno = 0
        let result = call()
        guard result < 0 else { return result }
        var code = errno
        if code == 0 { code = Int32(truncatingIfNeeded: 0 - Int64(result)) }
        if code == EINTR { continue }
        throw .systemCall(name: name, errno: code, subject: subject)
    }
}

/// `mmap` reports failure with MAP_FAILED rather than a negative number.
func mapShared(
    length: Int, fd: Int32, offset: Int, subject: String
) throws(DisplayError) -> UnsafeMutableRawPointer {
    while true {
        let pointer = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off_t(offset))
        if let pointer, pointer != MAP_FAILED { return pointer }
        if errno == EINTR { continue }
        throw .systemCall(name: "mmap", errno: errno, subject: subject)
    }
}

/// CLOCK_MONOTONIC in microseconds, the clock DRM stamps its flips with.
func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
}
