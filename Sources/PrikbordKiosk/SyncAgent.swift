import FoundationEssentials
import Glibc
import PrikbordLog
import PrikbordModel

/// Runs the sync agent, `prikbord-sync`, every sync interval and reads what
/// it did.
///
/// The agent is a process of its own so that URLSession, Foundation's ICU
/// and libcurl live only while a sync runs. Its standard
/// output is a pipe the run loop polls; when the pipe closes the agent has
/// ended, and its one result line says whether the server was reached and
/// whether the store changed. One agent runs at a time, and one that hangs
/// past ``overdue`` is killed: each batch commits with its cursor, so a
/// killed sync loses nothing.
@MainActor
final class SyncAgent {
    /// What the kiosk should do after a run.
    struct Outcome: Equatable {
        var storeChanged: Bool
        /// The server was reached (true) or lost (false) by this run; nil
        /// when that did not change.
        var online: Bool?
    }

    private let config: KioskConfig
    private var running: Running?
    private var nextStart: UInt64 = 0
    private(set) var isOnline: Bool?
    /// Failed runs in a row, and why the agent last could not start.
    private var failures = 0
    private var spawnFailure: String?

    private struct Running {
        var pid: pid_t
        var output: Int32
        var started: UInt64
        var text: [UInt8] = []
    }

    /// An agent that has not ended after this long is stuck; a sync of the
    /// whole store takes well under a second.
    let overdue: UInt64

    init(config: KioskConfig, overdue: Duration? = nil) {
        self.config = config
        let seconds =
            overdue?.components.seconds ?? max(120, 4 * config.syncInterval.components.seconds)
        self.overdue = UInt64(seconds) * 1_000_000
    }

    /// The pipe to poll while an agent runs.
    var fileDescriptor: Int32? { running?.output }

    /// The running agent's process id.
    var runningPID: pid_t? { running?.pid }

    /// Microseconds until the next agent should start, for poll's timeout.
    func waitMicros(now: UInt64) -> UInt64? {
        if let running { return running.started + overdue - min(now, running.started + overdue) }
        return nextStart > now ? nextStart - now : 0
    }

    /// Starts an agent when one is due, and kills one that hangs.
    func service(now: UInt64) -> Outcome? {
        if let running {
            guard now >= running.started + overdue else { return nil }
            Log.warning(
                "sync agent hangs; killed",
                ["sync.agent_pid": "\(running.pid)", "sync.seconds": "\(overdue / 1_000_000)"])
            kill(-running.pid, SIGKILL)
            return finish(now: now)
        }
        guard now >= nextStart else { return nil }
        do {
            let (pid, output) = try Self.spawn(config: config)
            running = Running(pid: pid, output: output, started: now)
            return nil
        } catch {
            // Said once; the screen says offline until an agent runs again.
            let reason = "\(error)"
            if reason != spawnFailure {
                Log.error("sync agent cannot start; content is not updated", ["error": reason])
                spawnFailure = reason
            }
            nextStart = now + retryDelay()
            failures += 1
            return offline()
        }
    }

    /// Ends a running agent and whatever it started, when the kiosk stops.
    func stop() {
        guard let current = running else { return }
        running = nil
        close(current.output)
        kill(-current.pid, SIGTERM)
        var status: Int32 = 0
        // A second to go quietly, then no choice.
        for _ in 0..<50 where waitpid(current.pid, &status, WNOHANG) == 0 {
            usleep(20_000)
        }
        if waitpid(current.pid, &status, WNOHANG) == 0 {
            kill(-current.pid, SIGKILL)
            _ = waitpid(current.pid, &status, 0)
        }
    }

    /// The wait before the next run: the sync interval, stretched while
    /// syncs keep failing (up to two minutes), so a kiosk cut off from its
    /// server does not start an agent every few seconds.
    private func retryDelay() -> UInt64 {
        let interval = UInt64(config.syncInterval.components.seconds) * 1_000_000
        guard failures > 0 else { return interval }
        let stretched = interval << UInt64(min(failures, 3))
        return max(interval, min(stretched, 120_000_000))
    }

    private func offline() -> Outcome? {
        guard isOnline != false else { return nil }
        isOnline = false
        return Outcome(storeChanged: false, online: false)
    }

    /// Reads the agent's output; returns the outcome once it has ended.
    func readable(now: UInt64) -> Outcome? {
        guard var current = running else { return nil }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = read(current.output, &buffer, buffer.count)
        if count > 0 {
            current.text += buffer[0..<count]
            running = current
            return nil
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return nil }
        return finish(now: now)
    }

    /// Closes the pipe, reaps the agent and turns its line into an outcome.
    private func finish(now: UInt64) -> Outcome {
        guard let current = running else { return Outcome(storeChanged: false) }
        running = nil
        close(current.output)
        var status: Int32 = 0
        _ = waitpid(current.pid, &status, 0)
        spawnFailure = nil

        let result = Self.result(from: current.text, status: status)
        failures = result.reached ? 0 : failures + 1
        nextStart = now + retryDelay()
        var outcome = Outcome(storeChanged: result.storeChanged)
        if result.reached {
            if isOnline != true {
                Log.info(
                    "server reached",
                    [
                        "sync.server": config.server.absoluteString,
                        "sync.cursor": "\(result.cursor)",
                    ]
                )
            }
            // Every success, so the offline line can say when the last one was.
            outcome.online = true
            isOnline = true
            if result.storeChanged {
                Log.info(
                    "sync applied changes",
                    [
                        "sync.applied": "\(result.applied)", "sync.blobs": "\(result.blobsFetched)",
                        "sync.cursor": "\(result.cursor)",
                    ])
            }
        } else if isOnline != false {
            Log.warning(
                "sync failed; showing stored content",
                [
                    "sync.server": config.server.absoluteString,
                    "error": result.error ?? "the sync agent ended without a result",
                ])
            outcome.online = false
            isOnline = false
        }
        return outcome
    }

    /// The agent's result line; a crash or garbage counts as a failed sync.
    nonisolated static func result(from output: [UInt8], status: Int32) -> SyncAgentResult {
        let text = String(decoding: output, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).last ?? ""
        if let result = SyncAgentResult(line: line) { return result }
        let how =
            status & 0x7f != 0
            ? "killed by signal \(status & 0x7f)" : "exit status \((status >> 8) & 0xff)"
        return SyncAgentResult(
            reached: false, storeChanged: false,
            error: "the sync agent ended without a result (\(how))")
    }

    /// One sync, waited for: for the screenshot mode and tests.
    nonisolated static func runOnce(config: KioskConfig) -> SyncAgentResult {
        let pid: pid_t
        let output: Int32
        do {
            (pid, output) = try spawn(config: config, blocking: true)
        } catch {
            return SyncAgentResult(reached: false, storeChanged: false, error: "\(error)")
        }
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let count = read(output, &buffer, buffer.count)
            if count > 0 {
                text += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return result(from: text, status: status)
    }
}
