import Dispatch
import Foundation
import Logging
import WireModel
import WireReaders

/// One generation of the running daemon: the sinks, the pipeline and the sources built from one config.
/// A reload drains and stops one generation, then starts the next.
public final class Runtime: @unchecked Sendable {
    public let config: PipelineConfig
    public let pipeline: QueuedPipeline
    public let sources: [InboxSource]
    private let sinks: [any Sink]
    private let deadLetter: any Sink
    private let logger: Logger

    public struct BuildError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Everything the config asks for that this build cannot do, as `check` prints it.
    public static func unsupported(in config: PipelineConfig) -> [String] {
        var problems = StageFactory.unavailable(in: config.stages).map(\.description)
        for (index, source) in config.sources.enumerated() {
            if case .feed(let feed) = source {
                problems.append(
                    "sources[\(index)]: feed source \"\(feed.name)\" needs the feed poller, which is not in this build")
            }
        }
        if case .postgres = config.state {
            problems.append("state: the PostgreSQL state store (scale-out) is not in this build; remove the key")
        }
        return problems
    }

    /// - Parameter progress: the counters to add to; the daemon passes the same one to every generation,
    ///   so the status line counts since the process started, not since the last reload.
    public init(
        config: PipelineConfig, ledger: any InboxLedger, progress: PipelineProgress = PipelineProgress(), logger: Logger
    ) throws {
        let problems = Self.unsupported(in: config)
        guard problems.isEmpty else { throw BuildError(description: problems.joined(separator: "\n")) }
        self.config = config
        self.logger = logger
        let stages = try StageFactory.make(config.stages, state: ledger as? any DedupeStateStore)
        sinks = try config.sinks.map { try SinkFactory.makeSink(config: $0, logger: logger) }
        deadLetter = try SinkFactory.makeSink(config: Self.deadLetterConfig(config), logger: logger)
        let pipeline = QueuedPipeline(
            stages: stages, sinks: sinks, deadLetter: deadLetter, encodeDeadLetter: Self.deadLetterLine,
            progress: progress, logger: logger)
        self.pipeline = pipeline
        let node = config.node ?? ProcessInfo.processInfo.hostName
        let reader = InputReader()
        let read: ReadFunction = { bytes, context throws(UnreadableInput) in try reader.read(bytes, context: context) }
        sources = config.sources.compactMap { source in
            guard case .inbox(let inbox) = source else { return nil }
            return InboxSource(
                config: inbox, node: node, pipeline: pipeline, ledger: ledger, read: read,
                logger: logger.with(source: inbox.name))
        }
    }

    /// Where failures go when the config names no dead-letter file: under the state folder, capped,
    /// so that nothing is ever lost silently.
    static func deadLetterConfig(_ config: PipelineConfig) -> SinkConfig {
        config.deadLetter ?? SinkConfig(
            name: "dead_letter", kind: .file, path: (config.stateDir as NSString).appendingPathComponent("dead-letter.ndjson"),
            maxBytes: 64 << 20)
    }

    /// A failure as the dead-letter sink writes it: the item itself when there is one, so it can be replayed.
    public static func deadLetterLine(_ input: DeadLetterInput) -> SinkRecord {
        let record = input.item.map { DeadLetterRecord(failure: input.failure, item: $0) }
            ?? DeadLetterRecord(failure: input.failure, source: input.source, text: input.text ?? "")
        return record.sinkRecord
    }

    public func start() throws {
        for source in sources { try source.start() }
    }

    /// Stops taking inputs, waits for the items in flight to be durable, closes the sinks.
    /// Returns false when `timeout` passed first (the unfinished inputs stay in the inbox for next time).
    public func stop(timeout: Duration) -> Bool {
        for source in sources { source.stop() }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let drained = pipeline.drain(timeout: .now() + seconds)
        for source in sources { source.finishSettledFiles() }
        pipeline.close()
        return drained
    }

    /// One line for logs and `STATUS=`.
    public var statusLine: String { statusLine(pipeline.progress.snapshot) }

    /// `snapshot` as one line: what is watched, what is done, what waits, what failed.
    public func statusLine(_ s: PipelineProgress.Snapshot) -> String {
        "watching \(sources.count) inbox(es); \(s.inputsDone) files done, \(s.inputsFailed) retried; "
            + "\(s.itemsWritten) lines written, \(s.deadLettered) dead-lettered, \(s.sinkFailures) sink errors; "
            + "backlog \(s.inputsInFlight) file(s), \(s.inFlight) item(s)"
    }
}

extension Logger {
    func with(source: String) -> Logger {
        var copy = self
        copy[metadataKey: "source"] = "\(source)"
        return copy
    }
}
