import CDRM

#if canImport(Glibc)
    import Glibc
#endif

extension DRMDisplay {
    /// Reads the DRM events waiting on the descriptor; a page-flip completion
    /// clears `isFlipPending` and calls `onFlipComplete`.
    public func dispatchEvents() throws {
        var context = drmEventContext()
        context.version = 2
        // The flip was queued with the display as its user data; the kernel
        // hands it back with the completion.
        context.page_flip_handler = { _, _, seconds, microseconds, userData in
            guard let userData else { return }
            let display = Unmanaged<DRMDisplay>.fromOpaque(userData).takeUnretainedValue()
            display.flipCompleted(
                microseconds: UInt64(seconds) * 1_000_000 + UInt64(microseconds)
            )
        }
        try systemCall("drmHandleEvent", on: path) { drmHandleEvent(fd, &context) }
    }

    /// Blocks until the pending flip completed or `timeoutMilliseconds`
    /// passed; returns whether no flip is pending any more.
    @discardableResult
    public func waitForFlip(timeoutMilliseconds: Int32) throws -> Bool {
        guard isFlipPending else { return true }
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = try systemCall("poll", on: path) { poll(&waiting, 1, timeoutMilliseconds) }
        if ready > 0 { try dispatchEvents() }
        return !isFlipPending
    }
}
