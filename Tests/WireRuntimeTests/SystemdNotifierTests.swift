import Foundation
import Testing
@testable import WireRuntime

/// `sd_notify` without libsystemd: what lands on the socket, path and abstract, and what the
/// environment turns on or off.
@Suite struct SystemdNotifierTests {
    @Test func readyAndStatusArriveAsOneDatagramOnAPathSocket() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let receiver = try NotifySocketReceiver(address: root + "/notify.sock")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        #expect(notifier.isEnabled)
        #expect(notifier.ready(status: "watching 1 inbox(es)"))
        #expect(receiver.receive(within: 5) == "READY=1\nSTATUS=watching 1 inbox(es)")
    }

    @Test func anAbstractAddressIsReached() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        #expect(notifier.stopping(status: "stopping"))
        #expect(receiver.receive(within: 5) == "STOPPING=1\nSTATUS=stopping")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        let before = MonotonicClock.microseconds()
        notifier.reloading(status: "reloading")
        let after = MonotonicClock.microseconds()
        let lines = try #require(receiver.receive(within: 5)).split(separator: "\n").map(String.init)
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) })
        #expect(stamp >= before && stamp <= after)
    }

    @Test func aStatusWithANewlineStaysOneAssignment() throws {
        let receiver = try NotifySocketReceiver(address: "@wirefeed-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        notifier.status("reload refused:\nsinks[0]: missing path")
        #expect(receiver.receive(within: 5) == "STATUS=reload refused: sinks[0]: missing path")
    }

    @Test func withoutASocketNothingIsSentAndNothingFails() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.ready(status: "x"))
        #expect(notifier.watchdogInterval == nil)
        let gone = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/wirefeed/notify.sock"])
        #expect(!gone.watchdogPing(), "a socket nobody listens on is a failed send, not a crash")
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative.sock"]).ready(status: "x"))
    }

    @Test func theWatchdogIntervalComesFromTheEnvironmentForThisProcessOnly() {
        let socket = "@wirefeed-test"
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket, "WATCHDOG_USEC": "30000000"]).watchdogInterval == .seconds(30))
        #expect(SystemdNotifier(
            environment: ["NOTIFY_SOCKET": socket, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "4242"], processID: 4242
        ).watchdogInterval == .seconds(2))
        #expect(SystemdNotifier(
            environment: ["NOTIFY_SOCKET": socket, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "4242"], processID: 99
        ).watchdogInterval == nil, "the watchdog belongs to another process")
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket, "WATCHDOG_USEC": "soon"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket, "WATCHDOG_USEC": "0"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000"]).watchdogInterval == nil)
    }
}
