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
    /// The feed sources; nil when the config has none.
    public let feeds: FeedPoller?
    private let sinks: [any Sink]
    private let deadLetter: any Sink
    private let logger: Logger
    /// The state store this generation writes to (the daemon's, shared by every generation).
    public let ledger: any InboxLedger
    /// Where embargoed items wait, when a route stage holds them and the state is the embedded database.
    public let embargoShelf: EmbargoShelf?
    private let embargoReleaser: EmbargoReleaser?

    public struct BuildError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Everything the config asks for that this build cannot do, as `check` prints it.
    public static func unsupported(in config: PipelineConfig) -> [String] {
        StageFactory.unavailable(in: config.stages).map(\.description)
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
        self.ledger = ledger
        let stages = try StageFactory.make(config.stages, state: ledger as? any DedupeStateStore)
        sinks = try config.sinks.map { try SinkFactory.makeSink(config: $0, logger: logger) }
        deadLetter = try SinkFactory.makeSink(config: Self.deadLetterConfig(config), logger: logger)
        let pipeline = QueuedPipeline(
            stages: stages, sinks: sinks, deadLetter: deadLetter, encodeDeadLetter: Self.deadLetterLine,
            policies: Dictionary(config.sinks.map { ($0.name, $0.whenFull) }, uniquingKeysWith: { first, _ in first }),
            spillFolder: (config.stateDir as NSString).appendingPathComponent("spool"), progress: progress,
            logger: logger)
        self.pipeline = pipeline
        let holding = stages.compactMap { $0 as? RouteStage }.filter(\.holdsEmbargoes)
        if !holding.isEmpty, let store = ledger as? SQLiteStateStore {
            let shelf = try EmbargoShelf(store: store)
            for stage in holding { stage.holdEmbargoes(on: shelf) }
            embargoShelf = shelf
            embargoReleaser = EmbargoReleaser(shelf: shelf, pipeline: pipeline, logger: logger)
        } else if !holding.isEmpty {
            throw BuildError(description: "route: holding embargoed items needs the embedded state (state.type embedded)")
        } else {
            embargoShelf = nil
            embargoReleaser = nil
        }
        let node = StateStoreFactory.nodeName(config)
        let reader = InputReader()
        let read: ReadFunction = { bytes, context throws(UnreadableInput) in try reader.read(bytes, context: context) }
        sources = config.sources.compactMap { source in
            guard case .inbox(let inbox) = source else { return nil }
            return InboxSource(
                config: inbox, node: node, pipeline: pipeline, ledger: ledger, read: read,
                logger: logger.with(source: inbox.name))
        }
        feeds = try Self.makeFeedPoller(config: config, node: node, pipeline: pipeline, ledger: ledger, read: read, logger: logger)
    }

    private static func makeFeedPoller(
        config: PipelineConfig, node: String, pipeline: QueuedPipeline, ledger: any InboxLedger,
        read: @escaping ReadFunction, logger: Logger
    ) throws -> FeedPoller? {
        let feeds = config.sources.compactMap { source -> FeedSourceConfig? in
            if case .feed(let feed) = source { feed } else { nil }
        }
        guard !feeds.isEmpty else { return nil }
        guard let feedLedger = ledger as? any FeedLedger else {
            throw BuildError(description: "feed sources need a state store that remembers feeds")
        }
        var leaseTTL: Duration?
        if case .postgres(_, let ttl) = config.state { leaseTTL = ttl }
        return FeedPoller(
            feeds: feeds, settings: config.poller, node: node, pipeline: pipeline, ledger: feedLedger, read: read,
            leaseTTL: leaseTTL, logger: logger)
    }

    /// Whether the state database answered its last query (always true for the embedded one).
    public var stateReachable: Bool { (ledger as? PostgresStateStore)?.isReachable ?? true }

    /// Every feed's health (empty without feed sources).
    public var feedHealth: [FeedHealth] { feeds?.health.snapshot ?? [] }

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
        embargoReleaser?.start()
        for source in sources { try source.start() }
        feeds?.start()
    }

    /// Stops taking inputs, waits for the items in flight to be durable, closes the sinks.
    /// Returns false when `timeout` passed first (the unfinished inputs stay in the inbox for next time).
    public func stop(timeout: Duration) -> Bool {
        for source in sources { source.stop() }
        embargoReleaser?.stop()
        feeds?.stop()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let drained = pipeline.drain(timeout: .now() + seconds)
        for source in sources { source.finishSettledFiles() }
        feeds?.finish()
        pipeline.close()
        return drained
    }

    /// One line for logs and `STATUS=`.
    public var statusLine: String { statusLine(pipeline.progress.snapshot) }

    /// `snapshot` as one line: what is watched, what is done, what waits, what failed.
    public func statusLine(_ s: PipelineProgress.Snapshot) -> String {
        let held = (try? embargoShelf?.count()).flatMap { $0 } ?? 0
        let line = "watching \(sources.count) inbox(es); \(s.inputsDone) files done, \(s.inputsFailed) retried; "
            + "\(s.itemsWritten) lines written, \(s.deadLettered) dead-lettered, \(s.sinkFailures) sink errors; "
            + "backlog \(s.inputsInFlight) file(s), \(s.inFlight) item(s); \(held) under embargo"
        let health = feedHealth
        guard !health.isEmpty else { return line }
        let failing = health.filter { $0.consecutiveErrors > 0 }.count
        let silent = health.filter(\.silent).count
        return line + "; \(health.count) feed(s), \(failing) failing, \(silent) silent"
    }
}

extension Logger {
    func with(source: String) -> Logger {
        var copy = self
        copy[metadataKey: "source"] = "\(source)"
        return copy
    }
}
