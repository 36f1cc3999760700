import Glibc

/// Set by SIGTERM and SIGINT; a blocking poll() or sleep returns early with
/// EINTR and whoever waits sees it.
nonisolated(unsafe) private var stopRequested: Int32 = 0

/// How systemd (or Ctrl-C) asks the kiosk to stop, from the moment it
/// starts waiting for a display to the end of the run loop.
enum StopSignal {
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            stopRequested = 1
        }
        signal(SIGTERM, handler)
        signal(SIGINT, handler)
        signal(SIGPIPE, SIG_IGN)
    }

    static var isRequested: Bool { stopRequested != 0 }
}
