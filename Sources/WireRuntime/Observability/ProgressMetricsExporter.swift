import Foundation
import Metrics

/// Turns the pipeline's counters into swift-metrics series at scrape time.
///
/// The pipeline counts under one cheap lock (`PipelineProgress`); at each scrape the exporter adds
/// to every Prometheus counter what its pipeline counter gained since the last scrape, and sets the
/// gauges (queue depths, health) to their current values. Counting stays off the hot path, and the
/// totals carry across reloads because the daemon keeps one `PipelineProgress` for its lifetime.
final class ProgressMetricsExporter: @unchecked Sendable {
    private let lock = NSLock()
    /// What each counter series held at the last scrape, keyed by name and label.
    private var exported: [String: Int] = [:]
    /// Hops seen so far: a hop that empties must read 0, not keep its last depth.
    private var knownHops: Set<String> = []
    private var knownSinks: Set<String> = []

    func export(_ snapshot: PipelineProgress.Snapshot, health: PipelineHealth, draining: Bool) {
        lock.withLock {
            exportCounters(snapshot)
            exportGauges(snapshot, health: health, draining: draining)
        }
    }

    private func exportCounters(_ s: PipelineProgress.Snapshot) {
        for (source, count) in s.sourceItems { add(MetricNames.itemsIn, "source", source, total: count) }
        for (stage, count) in s.stageItems { add(MetricNames.stageItems, "stage", stage, total: count) }
        for (stage, count) in s.stageFailures { add(MetricNames.stageErrors, "stage", stage, total: count) }
        for (sink, count) in s.sinkWritten { add(MetricNames.sinkRecords, "sink", sink, total: count) }
        for (sink, count) in s.sinkFailed { add(MetricNames.sinkErrors, "sink", sink, total: count) }
        for (status, count) in s.dedupeDecisions { add(MetricNames.dedupeDecisions, "status", status, total: count) }
        add(MetricNames.inputs, "outcome", "done", total: s.inputsDone)
        add(MetricNames.inputs, "outcome", "retried", total: s.inputsFailed)
        add(MetricNames.deadLetters, total: s.deadLettered)
        add(MetricNames.itemsDropped, total: s.itemsDropped)
    }

    private func exportGauges(_ s: PipelineProgress.Snapshot, health: PipelineHealth, draining: Bool) {
        knownHops.formUnion(s.hops.keys)
        for hop in knownHops {
            Gauge(label: MetricNames.queueDepth, dimensions: [("hop", hop)]).record(s.hops[hop]?.pending ?? 0)
        }
        knownSinks.formUnion(s.sinkWritten.keys)
        knownSinks.formUnion(s.sinkFailed.keys)
        for sink in knownSinks {
            Gauge(label: MetricNames.sinkWritable, dimensions: [("sink", sink)]).record(s.failingSinks[sink] == nil ? 1 : 0)
        }
        for (source, seconds) in s.sourceLastItem {
            Gauge(label: MetricNames.sourceLastItem, dimensions: [("source", source)]).record(seconds)
        }
        Gauge(label: MetricNames.itemsInFlight).record(s.inFlight)
        Gauge(label: MetricNames.healthy).record(health.isHealthy && !draining ? 1 : 0)
        Gauge(label: MetricNames.draining).record(draining ? 1 : 0)
    }

    /// Per-feed health and held embargoes: state the running generation keeps outside the pipeline's
    /// counters, so read at scrape time like the gauges.
    func export(feeds: [FeedHealth], embargoHeld: Int?) {
        lock.withLock {
            for feed in feeds {
                let dimensions = [("feed", feed.name)]
                Gauge(label: MetricNames.feedConsecutiveErrors, dimensions: dimensions).record(feed.consecutiveErrors)
                Gauge(label: MetricNames.feedItemsEmitted, dimensions: dimensions).record(feed.itemsEmitted)
                Gauge(label: MetricNames.feedSilent, dimensions: dimensions).record(feed.silent ? 1 : 0)
                if let success = feed.lastSuccessAt.flatMap(Self.epochSeconds) {
                    Gauge(label: MetricNames.feedLastSuccess, dimensions: dimensions).record(success)
                }
            }
            if let embargoHeld { Gauge(label: MetricNames.embargoHeld).record(embargoHeld) }
        }
    }

    private static func epochSeconds(_ timestamp: String) -> Int? {
        ISO8601DateFormatter().date(from: timestamp).map { Int($0.timeIntervalSince1970) }
    }

    /// Adds to counter `name` what `total` gained since the last scrape.
    private func add(_ name: String, _ labelName: String? = nil, _ labelValue: String = "", total: Int) {
        let dimensions = labelName.map { [($0, labelValue)] } ?? []
        let key = "\(name){\(labelValue)}"
        let gained = total - exported[key, default: 0]
        exported[key] = total
        // A counter is registered even at zero so the series exists from the first scrape.
        Counter(label: name, dimensions: dimensions).increment(by: max(0, gained))
    }
}
