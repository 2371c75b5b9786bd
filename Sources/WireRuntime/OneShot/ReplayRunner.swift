import Foundation
import Logging
import WireModel

/// `wirefeed replay`: dead-lettered items go back through the stages from the one that failed them
/// onwards, then into the configured sinks; items that fail again are dead-lettered again.
public struct ReplayRunner {
    public struct Summary: Sendable, Equatable {
        public var lines = 0
        public var replayed = 0
        public var written = 0
        public var deadLetteredAgain = 0
        /// Lines that hold no item (a reader's fragment) or are not dead-letter lines at all.
        public var notReplayable = 0
        public var sinkFailures: [String] = []
    }

    public let config: PipelineConfig
    public let logger: Logger

    public init(config: PipelineConfig, logger: Logger) {
        self.config = config
        self.logger = logger
    }

    public func run(deadLetterFile path: String) throws -> Summary {
        let bytes: [UInt8]
        do {
            bytes = try CappedFileReader.read(path: path, cap: 1 << 30)
        } catch {
            throw Runtime.BuildError(description: "cannot read \(path): \(error)")
        }
        var summary = Summary()
        let records = bytes.split(separator: 0x0A).compactMap { line -> DeadLetterRecord? in
            summary.lines += 1
            guard let record = try? DeadLetterRecord.decode(line: line), record.item != nil else {
                summary.notReplayable += 1
                return nil
            }
            return record
        }
        try deliver(records, summary: &summary)
        return summary
    }

    private func deliver(_ records: [DeadLetterRecord], summary: inout Summary) throws {
        let stages = try StageFactory.make(config.stages, state: try SQLiteStateStore(directory: config.stateDir))
        let sinks = try config.sinks.map { try SinkFactory.makeSink(config: $0, logger: logger) }
        let deadLetter = try SinkFactory.makeSink(config: Runtime.deadLetterConfig(config), logger: logger)
        let delivery = QueuedPipeline(
            stages: [], sinks: sinks, deadLetter: deadLetter, encodeDeadLetter: Runtime.deadLetterLine, logger: logger)
        let outcome = OutcomeHolder()
        let ticket = delivery.makeTicket(label: "replay") { outcome.set($0) }
        for record in records {
            guard let item = record.item else { continue }
            summary.replayed += 1
            let remaining = Self.stages(stages, from: record.failure.stage)
            let result = EmbeddedPipeline(stages: remaining).run(item)
            for output in result.emitted { delivery.submit(output, ticket: ticket) }
            for failure in result.deadLetters { delivery.deadLetter(failure, ticket: ticket) }
        }
        ticket.close()
        _ = delivery.drain()
        delivery.close()
        let settled = outcome.value ?? InputTicket.Outcome()
        summary.written = settled.written + settled.alreadyPresent
        summary.deadLetteredAgain = settled.deadLettered
        summary.sinkFailures = settled.failures
    }

    /// The stages from the one named `failedStage` on; all of them when it is not a stage (a reader).
    static func stages(_ stages: [any Stage], from failedStage: String) -> [any Stage] {
        guard let index = stages.firstIndex(where: { $0.name == failedStage }) else { return stages }
        return Array(stages[index...])
    }
}

private final class OutcomeHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: InputTicket.Outcome?
    func set(_ outcome: InputTicket.Outcome) { lock.withLock { stored = outcome } }
    var value: InputTicket.Outcome? { lock.withLock { stored } }
}
