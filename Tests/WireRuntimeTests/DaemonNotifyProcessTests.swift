import Foundation
import Testing

/// The built `wirefeed run` talking to a socket that stands in for systemd: READY once watching,
/// RELOADING/READY around a SIGHUP sent the instant READY arrives, WATCHDOG pings while healthy,
/// STOPPING on SIGTERM and nothing after it, exit 0.
@Suite(.serialized) struct DaemonNotifyProcessTests {
    @Test(.enabled(
        if: FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary), "build the wirefeed executable first"))
    func notifiesReadyReloadingWatchdogAndStoppingInOrder() throws {
        let ws = try DaemonProcessTests.Workspace()
        defer { ws.remove() }
        let receiver = try NotifySocketReceiver(address: ws.root + "/notify.sock")
        let daemon = try ws.start(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "400000"])
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }

        var messages = receiver.messages(until: "READY=1", within: 30)
        let ready = try #require(messages.last, "no READY=1 within 30s")
        #expect(ready.hasPrefix("READY=1\nSTATUS=watching 1 inbox(es)"))
        // At once: the daemon must take signals by the time it sends READY=1.
        let hup = Date()
        kill(daemon.processIdentifier, SIGHUP)
        messages += receiver.messages(until: "READY=1", within: 30)
        #expect(daemon.isRunning, "a SIGHUP right after READY=1 must reload, not kill")
        // Two file sinks: the new generation must not wait for the old one's file locks (1 s each).
        #expect(Date().timeIntervalSince(hup) < 1.5, "reload took \(Date().timeIntervalSince(hup)) s")

        try ws.story(1)
        #expect(eventually(within: 30) { ws.count(ws.done) == 1 })
        messages += receiver.messages(until: "WATCHDOG=1", within: 5)
        messages += receiver.messages(until: "WATCHDOG=1", within: 5)
        // The totals carry across a reload.
        kill(daemon.processIdentifier, SIGHUP)
        let second = receiver.messages(until: "READY=1", within: 30)
        messages += second
        #expect(second.last.map { $0.hasPrefix("READY=1\nSTATUS=reloaded | watching 1 inbox(es); 1 files done") } == true, "\(second)")

        daemon.terminate()
        messages += receiver.messages(until: "STOPPING=1", within: 30)
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
        messages += receiver.drain()

        let assignments = messages.flatMap { $0.split(separator: "\n").map(String.init) }
        let events = assignments.filter { ["READY=1", "RELOADING=1", "WATCHDOG=1", "STOPPING=1"].contains($0) }
        let firstReady = try #require(events.firstIndex(of: "READY=1"))
        let reloading = try #require(events.firstIndex(of: "RELOADING=1"), "\(events)")
        let readyAgain = try #require(events[(reloading + 1)...].firstIndex(of: "READY=1"), "\(events)")
        let stopping = try #require(events.firstIndex(of: "STOPPING=1"), "\(events)")
        #expect(firstReady < reloading && reloading < readyAgain && readyAgain < stopping)
        #expect(events[..<firstReady].isEmpty, "nothing before READY=1: \(events)")
        #expect(events[readyAgain..<stopping].filter { $0 == "WATCHDOG=1" }.count >= 2, "\(events)")
        #expect(stopping == events.count - 1, "nothing after STOPPING=1: \(events)")
        #expect(assignments.contains { $0.hasPrefix("MONOTONIC_USEC=") })
        #expect(assignments.contains { $0.hasPrefix("STATUS=reloaded | watching 1 inbox(es)") }, "\(assignments)")
        #expect(assignments.contains { $0.hasPrefix("STATUS=") && $0.contains("1 files done") }, "\(assignments)")
        #expect(assignments.contains { $0.hasPrefix("STATUS=stopping") })
    }

    @Test(.enabled(
        if: FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary), "build the wirefeed executable first"))
    func aConfigThatCannotStartSaysSoAndSendsNoReady() throws {
        let ws = try DaemonProcessTests.Workspace()
        defer { ws.remove() }
        try ws.writeConfig(stages: #"[{"type": "shred"}]"#)
        let receiver = try NotifySocketReceiver(address: ws.root + "/notify.sock")
        let daemon = try ws.start(environment: ["NOTIFY_SOCKET": receiver.address])
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 1)
        let assignments = receiver.drain().flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(!assignments.contains("READY=1"))
        #expect(assignments.contains { $0.hasPrefix("STATUS=cannot start: ") }, "\(assignments)")
    }
}
