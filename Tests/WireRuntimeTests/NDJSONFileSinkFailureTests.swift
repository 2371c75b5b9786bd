import Dispatch
import Foundation
import Testing
@testable import WireRuntime

@Suite struct NDJSONFileSinkFailureTests {
    @Test func anUnwritablePathFailsRecordsWithAReasonAndHealsOnceWritable() async throws {
        let folder = try TemporaryFolder()
        // A regular file where the sink needs a folder: fails even for root.
        let blocker = folder.file("blocker")
        try writeFile(blocker, "not a folder")
        let path = "\(blocker)/out.ndjson"
        let log = OutcomeLog()
        let (reportBefore, reportAfter) = try await onDispatchThread {
            () -> (FileSinkReconcileReport?, FileSinkReconcileReport?) in
            let sink = NDJSONFileSink(name: "blocked", path: path, logger: sinkTestLogger())
            let before = sink.reconcileReport
            sink.write(testRecord(id: "u-1", n: 1), onDurable: log.callback(for: "u-1"))
            sink.write(testRecord(id: "u-2", n: 2), onDurable: log.callback(for: "u-2"))
            sink.flush()
            try FileManager.default.removeItem(atPath: blocker)
            sink.write(testRecord(id: "u-3", n: 3), onDurable: log.callback(for: "u-3"))
            sink.flush()
            let after = sink.reconcileReport
            sink.close()
            return (before, after)
        }
        #expect(reportBefore == nil, "the file could not be opened")
        for id in ["u-1", "u-2"] {
            let outcomes = log.outcomes(id)
            #expect(outcomes.count == 1)
            guard case .failed(let reason)? = outcomes.first else {
                Issue.record("expected a failure, got \(outcomes)")
                continue
            }
            #expect(reason.contains("Not a directory"), "\(reason)")
        }
        #expect(log.outcomes("u-3") == [.durable], "the sink retries opening on the next batch")
        #expect(reportAfter != nil)
        #expect(decodeTestLines(wholeLines(path) ?? []).map { $0?.id } == ["u-3"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDiskFailsRecordsWithoutCrashing() async throws {
        let log = OutcomeLog()
        let statistics = try await onDispatchThread { () -> SinkStatistics in
            let sink = NDJSONFileSink(name: "full", path: "/dev/full", logger: sinkTestLogger())
            sink.write(testRecord(id: "f-1", n: 1), onDurable: log.callback(for: "f-1"))
            sink.flush()
            sink.write(testRecord(id: "f-2", n: 2), onDurable: log.callback(for: "f-2"))
            sink.close()
            return sink.statistics
        }
        #expect(statistics.recordsFailed == 2)
        #expect(statistics.linesWritten == 0)
        for id in ["f-1", "f-2"] {
            let outcomes = log.outcomes(id)
            #expect(outcomes.count == 1)
            guard case .failed(let reason)? = outcomes.first else {
                Issue.record("expected a failure, got \(outcomes)")
                continue
            }
            #expect(reason.contains("No space left"), "\(reason)")
        }
    }

    @Test func aSecondSinkOnTheSameFileFailsInsteadOfInterleaving() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.ndjson")
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let owner = NDJSONFileSink(name: "owner", path: path, logger: sinkTestLogger())
            let intruder = NDJSONFileSink(name: "intruder", path: path, logger: sinkTestLogger())
            intruder.write(testRecord(id: "i-1", n: 1), onDurable: log.callback(for: "i-1"))
            owner.write(testRecord(id: "o-1", n: 1), onDurable: log.callback(for: "o-1"))
            intruder.close()
            owner.close()
            return wholeLines(path)
        }
        guard case .failed(let reason)? = log.outcomes("i-1").first else {
            Issue.record("expected the second writer to fail, got \(log.outcomes("i-1"))")
            return
        }
        #expect(reason.contains("flock"))
        #expect(log.outcomes("o-1") == [.durable])
        #expect(lines?.count == 1)
    }
}
