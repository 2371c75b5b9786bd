import Foundation
import Prometheus
#if canImport(Glibc)
import Glibc
#endif

/// Everything the HTTP endpoints report, read without blocking: the shared progress counters, their
/// history, the running generation (through `currentRuntime`) and whether the daemon is draining.
///
/// Every method takes only short locks, so the endpoints may call them from the server's event loop.
public final class DaemonObserver: @unchecked Sendable {
    public let progress: PipelineProgress
    public let history: ProgressHistory
    private let stallLimit: Duration
    private let currentRuntime: @Sendable () -> Runtime?
    private let exporter = ProgressMetricsExporter()
    private let startedAt = MonotonicClock.nanoseconds()
    private let lock = NSLock()
    private var isDraining = false

    public init(progress: PipelineProgress, stallLimit: Duration, currentRuntime: @escaping @Sendable () -> Runtime?) {
        self.progress = progress
        self.history = ProgressHistory(progress: progress)
        self.stallLimit = stallLimit
        self.currentRuntime = currentRuntime
    }

    /// Set while the daemon drains (stop, reload): `/health` answers 503 meanwhile.
    public var draining: Bool {
        get { lock.withLock { isDraining } }
        set { lock.withLock { isDraining = newValue } }
    }

    public func health(_ snapshot: PipelineProgress.Snapshot) -> PipelineHealth {
        PipelineHealth.evaluate(snapshot, stallLimit: stallLimit)
    }

    /// `/health`: whether to answer 200, and the one-line reason.
    public func healthCheck() -> (ok: Bool, text: String) {
        let health = self.health(progress.snapshot)
        if draining { return (false, "draining\n") }
        // Items wait for the ledger rather than pass it, so an unreachable database is an outage.
        if let runtime = currentRuntime(), !runtime.stateReachable { return (false, "unhealthy: state database unreachable\n") }
        return (health.isHealthy, health.description + "\n")
    }

    /// `/metrics`: the Prometheus text exposition.
    public func metricsText() -> [UInt8] {
        let snapshot = progress.snapshot
        exporter.export(snapshot, health: health(snapshot), draining: draining)
        if let runtime = currentRuntime() {
            let held = runtime.embargoShelf.flatMap { try? $0.count() }
            exporter.export(feeds: runtime.feedHealth, embargoHeld: held)
        }
        return ProcessMetrics.registry.emitToBuffer()
    }

    /// `/status`.
    public func status() -> DaemonStatus {
        let snapshot = progress.snapshot
        let minute = history.baseline(before: snapshot, age: .seconds(60)) ?? snapshot
        let hour = history.baseline(before: snapshot, age: .seconds(3600)) ?? snapshot
        func window(_ value: (PipelineProgress.Snapshot) -> Int) -> DaemonStatus.Window {
            let total = value(snapshot)
            return DaemonStatus.Window(lastMinute: total - value(minute), lastHour: total - value(hour), total: total)
        }
        let runtime = currentRuntime()
        let health = self.health(snapshot)
        let now = Date().timeIntervalSince1970
        let sources = (runtime?.sources ?? []).map { source in
            let name = source.config.name
            let last = snapshot.sourceLastItem[name]
            return DaemonStatus.Source(
                name: name, path: source.config.path,
                lastItem: last.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: $0)) },
                silentSeconds: last.map { Int(max(0, now - $0)) },
                backlogFiles: Self.backlog(in: source.config.path),
                items: window { $0.sourceItems[name, default: 0] })
        }
        let stages = (runtime?.config.stages ?? []).map { stage in
            DaemonStatus.Stage(
                name: stage.typeName, items: window { $0.stageItems[stage.typeName, default: 0] },
                errors: snapshot.stageFailures[stage.typeName, default: 0])
        }
        let sinkNames = (runtime.map { $0.config.sinks.map(\.name) + [Runtime.deadLetterConfig($0.config).name] }) ?? []
        let sinks = sinkNames.map { name in
            DaemonStatus.Sink(
                name: name, records: window { $0.sinkWritten[name, default: 0] },
                errors: snapshot.sinkFailed[name, default: 0], failing: snapshot.failingSinks[name])
        }
        return DaemonStatus(
            uptimeSeconds: Int((snapshot.takenAt &- startedAt) / 1_000_000_000),
            health: DaemonStatus.Health(
                healthy: health.isHealthy && !draining, draining: draining, problems: health.problems.map(\.description)),
            sources: sources, queues: snapshot.hops.mapValues(\.pending), stages: stages, sinks: sinks,
            deadLetters: window(\.deadLettered), itemsInFlight: snapshot.inFlight, dedupe: snapshot.dedupeDecisions)
    }

    /// Files waiting in an inbox folder; a directory listing, never the source's own queue (which may
    /// be blocked behind a full pipeline).
    static func backlog(in path: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { InboxFolder.isCandidate($0) && isRegularFile(path + "/" + $0) }.count
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
