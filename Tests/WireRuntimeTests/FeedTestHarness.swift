import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// A real runtime (feed sources, pipeline, NDJSON file sink, state database) in a temporary folder,
/// polling the loopback test server with short intervals.
final class FeedTestHarness: @unchecked Sendable {
    let root: String
    let server: FeedTestServer
    let store: SQLiteStateStore
    private(set) var runtime: Runtime?

    init(server: FeedTestServer? = nil) throws {
        root = try temporaryDirectory()
        self.server = try server ?? FeedTestServer()
        store = try SQLiteStateStore(directory: root + "/state")
    }

    var outputPath: String { root + "/out/all.ndjson" }

    /// A feed polled every 100 ms, errors backing off from there, without jitter unless asked.
    static func feed(
        _ name: String, url: String, interval: Duration = .milliseconds(100), maxInterval: Duration = .seconds(2),
        timeout: Duration = .seconds(5), jitterPercent: Int = 0, maxBodyBytes: Int = 1 << 20
    ) -> FeedSourceConfig {
        FeedSourceConfig(
            name: name, url: url, interval: interval, timeout: timeout, minInterval: .milliseconds(10),
            maxInterval: maxInterval, jitterPercent: jitterPercent, maxBodyBytes: maxBodyBytes, maxRedirects: 3)
    }

    func config(_ feeds: [FeedSourceConfig], poller: PollerConfig = PollerConfig(connectTimeout: .seconds(2))) -> PipelineConfig {
        PipelineConfig(
            stateDir: root + "/state", sources: feeds.map { .feed($0) },
            sinks: [SinkConfig(name: "all", kind: .file, path: outputPath, fsyncInterval: .milliseconds(10))],
            deadLetter: SinkConfig(name: "dead_letter", kind: .file, path: root + "/out/dead.ndjson"),
            poller: poller)
    }

    /// Starts a runtime over `feeds`; `ledger` replaces the state store (to simulate a crash).
    func start(_ feeds: [FeedSourceConfig], ledger: (any InboxLedger)? = nil, poller: PollerConfig? = nil) throws {
        let config = poller.map { self.config(feeds, poller: $0) } ?? self.config(feeds)
        let runtime = try Runtime(config: config, ledger: ledger ?? store, logger: quietLogger)
        try runtime.start()
        self.runtime = runtime
    }

    func stop() async throws {
        guard let runtime else { return }
        self.runtime = nil
        _ = try await onDispatchThread { runtime.stop(timeout: .seconds(10)) }
    }

    func finish() async throws {
        try await stop()
        server.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The items written so far, as JSON objects.
    var items: [[String: Any]] {
        (wholeLines(outputPath) ?? []).compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    var headlines: [String] { items.compactMap { $0["headline"] as? String } }

    func health(_ name: String) -> FeedHealth? { runtime?.feeds?.health.health(of: name) }

    /// Waits (without blocking a thread) until `condition` holds, checking every 20 ms, at most
    /// `seconds` worth of checks. Counted in checks, not wall time: when the rest of the suite holds
    /// the two cores (or the Swift concurrency pool) for a while, the feed tasks stall exactly as long
    /// as this loop, so a stall does not eat the pollers' share of the wait.
    func until(within seconds: Double = 60, _ condition: () -> Bool) async -> Bool {
        for _ in 0..<Int(seconds * 50) {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return condition()
    }
}
