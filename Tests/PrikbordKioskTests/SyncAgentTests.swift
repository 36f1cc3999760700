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
