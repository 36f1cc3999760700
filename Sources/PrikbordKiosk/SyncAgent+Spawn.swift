import CDeviceShim
import FoundationEssentials
import Glibc

extension SyncAgent {
    struct SpawnError: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var program: String

        var description: String {
            "\(call) for \(program) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    /// Starts `prikbord-sync` for this kiosk with its standard output on a
    /// new pipe, and returns its pid and the pipe's read end (non-blocking
    /// unless `blocking`). The agent gets no other descriptor of ours: not
    /// the DRM card, not the input devices.
    nonisolated static func spawn(config: KioskConfig, blocking: Bool = false)
        throws -> (pid: pid_t, output: Int32)
    {
        let program = config.syncAgentProgram()
        var ends: [Int32] = [-1, -1]
        guard prikbord_pipe_cloexec(&ends) == 0 else {
            throw SpawnError(call: "pipe2", code: errno, program: program)
        }
        if !blocking { _ = fcntl(ends[0], F_SETFL, O_NONBLOCK) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        prikbord_spawn_close_from(&actions, 3)

        var arguments = [
            program, "--server", config.server.absoluteString, "--data", config.dataDirectory.path,
        ]
        if let site = config.siteID { arguments += ["--site", site] }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }

        // A process group of its own, so that stopping the agent stops
        // whatever it started too; no signal blocked or ignored that the
        // caller's thread happened to block or the kiosk ignores (SIGPIPE).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var pid: pid_t = 0
        // A bare name is looked up on PATH; a path is used as it is.
        let code =
            program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, argv, environ)
            : posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        close(ends[1])
        guard code == 0 else {
            close(ends[0])
            throw SpawnError(call: "posix_spawn", code: code, program: program)
        }
        return (pid, ends[0])
    }
}

extension KioskConfig {
    /// The sync agent: as given, else `prikbord-sync` beside this program,
    /// else the one on PATH.
    func syncAgentProgram() -> String {
        if let syncAgent { return syncAgent }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            let executable = String(
                decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = executable.lastIndex(of: "/") {
                let beside = String(executable[..<slash]) + "/prikbord-sync"
                if access(beside, X_OK) == 0 { return beside }
            }
        }
        return "prikbord-sync"
    }
}
