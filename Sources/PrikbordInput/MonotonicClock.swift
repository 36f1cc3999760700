#if canImport(Glibc)
    import Glibc
#endif

/// The clock input events are stamped with.
public enum MonotonicClock {
    /// Microseconds of `CLOCK_MONOTONIC`, comparable with `InputEvent` times
    /// and what `GestureRecognizer.tick(now:)` expects.
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000 + UInt64(spec.tv_nsec) / 1_000
    }
}
