import Foundation
import PrikbordModel
import Testing

@testable import PrikbordKiosk

/// The kiosk's side of the sync agent: real `prikbord-sync` processes
/// against the real server on loopback, and small shell scripts standing
/// in for an agent that crashes, hangs or talks nonsense.
@MainActor
@Suite(.serialized)
struct SyncAgentTests {
    /// Services the agent until a run has ended, as the run loop does.
    func runToEnd(_ agent: SyncAgent, clock: inout UInt64) -> SyncAgent.Outcome? {
        for _ in 0..<2000 {
            if let outcome = agent.service(now: clock) { return outcome }
            if let fd = agent.fileDescriptor {
                var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&entry, 1, 50)
                if entry.revents != 0, let outcome = agent.readable(now: clock) { return outcome }
            }
            clock += 50_000
        }
        return nil
    }

    func script(_ body: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("agent-\(UUID().uuidString).sh").path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    @Test func realAgentFillsTheStoreAndReportsTheServerFound() throws {
        let demo = try DemoKiosk()
        let agent = SyncAgent(config: demo.config())
        var clock: UInt64 = 1_000_000

        let first = try #require(runToEnd(agent, clock: &clock))
        #expect(first == SyncAgent.Outcome(storeChanged: true, online: true))
        #expect(agent.fileDescriptor == nil)

        // Not before the interval is over; then again, with nothing new.
        #expect(agent.service(now: clock + 1_000_000) == nil)
        #expect(agent.fileDescriptor == nil)
        clock += 31_000_000
        let second = try #require(runToEnd(agent, clock: &clock))
        #expect(second == SyncAgent.Outcome(storeChanged: false, online: true))
    }

    @Test func lostServerIsReportedOnceUntilItIsBack() throws {
        let demo = try DemoKiosk()
        var config = demo.config()
        config.server = URL(string: "http://127.0.0.1:9")!
        let agent = SyncAgent(config: config)
        var clock: UInt64 = 1_000_000

        #expect(
            runToEnd(agent, clock: &clock) == SyncAgent.Outcome(storeChanged: false, online: false))
        clock += 31_000_000
        #expect(
            runToEnd(agent, clock: &clock) == SyncAgent.Outcome(storeChanged: false, online: nil))
    }

    @Test func agentThatCrashesCountsAsAFailedSync() throws {
        let demo = try DemoKiosk()
        var config = demo.config()
        config.syncAgent = try script("echo 'Fatal error: oops' >&2; exit 134", in: demo.folder)
        let agent = SyncAgent(config: config)
        var clock: UInt64 = 1_000_000
        #expect(
            runToEnd(agent, clock: &clock) == SyncAgent.Outcome(storeChanged: false, online: false))

        let result = SyncAgent.result(from: Array("half a li".utf8), status: 134 << 8)
        #expect(!result.reached)
        #expect(result.error?.contains("exit status 134") == true)
    }

    @Test func agentThatHangsIsKilled() throws {
        let demo = try DemoKiosk()
        var config = demo.config()
        config.syncAgent = try script("exec sleep 30", in: demo.folder)
        let agent = SyncAgent(config: config, overdue: .seconds(2))
        var clock: UInt64 = 1_000_000
        _ = agent.service(now: clock)
        let pid = try #require(agent.runningPID)

        clock += 2_500_000
        #expect(agent.service(now: clock) == SyncAgent.Outcome(storeChanged: false, online: false))
        // Reaped: the pid no longer names a process of ours.
        #expect(kill(pid, 0) == -1)
    }

    @Test func missingAgentShowsOfflineOnceAndWaitsLongerEachTime() throws {
        let demo = try DemoKiosk()
        var config = demo.config()
        config.syncAgent = demo.folder.appendingPathComponent("no-such-agent").path
        let agent = SyncAgent(config: config)
        let start: UInt64 = 1_000_000
        #expect(agent.service(now: start) == SyncAgent.Outcome(storeChanged: false, online: false))
        let firstWait = try #require(agent.waitMicros(now: start))
        #expect(firstWait == 30_000_000)
        // Still missing: nothing new to show, and a longer wait.
        let second = start + firstWait
        #expect(agent.service(now: second) == nil)
        #expect(try #require(agent.waitMicros(now: second)) == 60_000_000)
    }

    @Test func stoppingTheKioskStopsItsAgentAndWhatTheAgentStarted() throws {
        let demo = try DemoKiosk()
        let child = demo.folder.appendingPathComponent("child.pid").path
        var config = demo.config()
        config.syncAgent = try script("sleep 30 & echo $! > \(child); wait", in: demo.folder)
        let agent = SyncAgent(config: config)
        _ = agent.service(now: 1_000_000)
        let pid = try #require(agent.runningPID)
        var waited = 0
        while !FileManager.default.fileExists(atPath: child) && waited < 100 {
            usleep(20_000)
            waited += 1
        }
        let sleeper = try #require(
            Int32(try String(contentsOfFile: child, encoding: .utf8).filter(\.isNumber)))

        agent.stop()
        #expect(agent.fileDescriptor == nil)
        #expect(kill(pid, 0) == -1)
        // The agent's own child got the signal too: gone, or a zombie
        // waiting for the container's init to reap it.
        usleep(100_000)
        let state = (try? String(contentsOfFile: "/proc/\(sleeper)/stat", encoding: .utf8))
            .map { $0.split(separator: " ")[2] }
        #expect(state == nil || state == "Z")
    }

    @Test func agentInheritsNoDescriptorOfTheKiosk() throws {
        let demo = try DemoKiosk()
        let listing = demo.folder.appendingPathComponent("fds.txt").path
        // A descriptor the kiosk holds open, as it holds the DRM card.
        let held = open("/dev/null", O_RDONLY)
        defer { close(held) }
        var config = demo.config()
        config.syncAgent = try script(
            "ls /proc/$$/fd > \(listing); echo 'synced applied=0 blobs=0 cursor=0'", in: demo.folder
        )
        let result = SyncAgent.runOnce(config: config)
        #expect(result.reached)
        let fds = try String(contentsOfFile: listing, encoding: .utf8)
            .split(whereSeparator: \.isNewline).compactMap { Int($0) }.sorted()
        #expect(fds.prefix(3) == [0, 1, 2])
        #expect(!fds.contains(Int(held)))
    }

    @Test func resultLinesReadBack() {
        let synced = SyncAgentResult(
            reached: true, applied: 12, blobsFetched: 3, cursor: 4810, storeChanged: true)
        #expect(SyncAgentResult(line: Substring(synced.line)) == synced)
        let failed = SyncAgentResult(
            reached: false, storeChanged: true, error: "server unreachable: a b=c\nd")
        let back = SyncAgentResult(line: Substring(failed.line))
        #expect(back?.storeChanged == true)
        #expect(back?.error == "server unreachable: a b=c d")
        #expect(SyncAgentResult(line: "synced applied=x") == nil)
        #expect(SyncAgentResult(line: "Fatal error") == nil)
    }
}
