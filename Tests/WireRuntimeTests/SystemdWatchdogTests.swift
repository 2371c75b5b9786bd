import Foundation
import Testing
@testable import WireRuntime

/// WATCHDOG=1 goes out only while the pipeline is healthy, so systemd restarts a wedged daemon.
@Suite struct SystemdWatchdogTests {
    final class HealthSwitch: @unchecked Sendable {
        private let lock = NSLock()
        private var problems: [PipelineHealth.Problem] = []
        func set(_ problems: [PipelineHealth.Problem]) { lock.withLock { self.problems = problems } }
        var report: SystemdWatchdog.Report {
            lock.withLock { SystemdWatchdog.Report(health: PipelineHealth(problems: problems), status: "3 files done") }
        }
    }

    static func assignments(_ messages: [String]) -> [String] {
        messages.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    @Test func anUnhealthyPipelineStopsThePingsAndSaysWhy() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "20000000"])
        let health = HealthSwitch()
        let watchdog = SystemdWatchdog(notifier: notifier, logger: quietLogger) { health.report }
        #expect(watchdog.period == .seconds(10))

        #expect(watchdog.beatNow())
        #expect(Self.assignments(receiver.drain()) == ["WATCHDOG=1", "STATUS=3 files done"])
        #expect(watchdog.beatNow())
        #expect(Self.assignments(receiver.drain()) == ["WATCHDOG=1"], "an unchanged status is not resent")

        health.set([.stalled(hop: "sink all", items: 4, seconds: 130)])
        #expect(!watchdog.beatNow())
        #expect(Self.assignments(receiver.drain()) == [
            "STATUS=unhealthy: sink all stalled: 4 item(s) waiting, none through for 130s | 3 files done",
        ])
        #expect(!watchdog.beatNow())
        #expect(receiver.drain().isEmpty, "no ping while unhealthy")

        health.set([])
        #expect(watchdog.beatNow())
        #expect(Self.assignments(receiver.drain()) == ["WATCHDOG=1", "STATUS=3 files done"])
    }

    @Test func theTimerPingsAtHalfTheIntervalAndHoldsOffWhileUnhealthy() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "100000"])
        let health = HealthSwitch()
        let watchdog = SystemdWatchdog(notifier: notifier, logger: quietLogger) { health.report }
        #expect(watchdog.period == .milliseconds(50))
        watchdog.start()
        defer { watchdog.stop() }
        #expect(!receiver.messages(until: "WATCHDOG=1", within: 5).isEmpty)

        health.set([.sinkFailing(sink: "all", reason: "fsync all.ndjson: Input/output error (errno 5)")])
        let unhealthy = receiver.messages(until: "STATUS=unhealthy: sink all cannot write: fsync all.ndjson: Input/output error (errno 5) | 3 files done", within: 5)
        #expect(!unhealthy.isEmpty)
        // Ten periods without a ping: systemd would have restarted the daemon long before.
        let quiet = Self.assignments(receiver.messages(until: "WATCHDOG=1", within: 0.5))
        #expect(!quiet.contains("WATCHDOG=1"))

        health.set([])
        #expect(Self.assignments(receiver.messages(until: "WATCHDOG=1", within: 5)).contains("WATCHDOG=1"))
    }

    @Test func withoutAWatchdogOnlyTheStatusIsKeptCurrent() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        let watchdog = SystemdWatchdog(notifier: notifier, statusInterval: .seconds(7), logger: quietLogger) {
            SystemdWatchdog.Report(health: PipelineHealth(problems: []), status: "idle")
        }
        #expect(watchdog.period == .seconds(7))
        #expect(!watchdog.beatNow())
        #expect(Self.assignments(receiver.drain()) == ["STATUS=idle"])
    }
}
