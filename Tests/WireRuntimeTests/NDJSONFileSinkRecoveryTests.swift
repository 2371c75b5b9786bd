import Dispatch
import Foundation
import Testing
@testable import WireRuntime

/// What a file sink does on open after a crash or a restart: cut a torn line, skip what is there.
@Suite struct NDJSONFileSinkRecoveryTests {
    private static func text(of records: [SinkRecord]) -> String {
        records.map { String(decoding: $0.line, as: UTF8.self) }.joined()
    }

    @Test func aTornLastLineIsCutOnOpenAndItsRecordWrittenWhole() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("torn.ndjson")
        let whole = (0..<3).map { testRecord(id: "a-\($0)", n: $0) }
        let torn = #"{"id":"a-3","n":3,"text":"li"#
        try writeFile(path, Self.text(of: whole) + torn)
        let log = OutcomeLog()
        let (report, lines) = try await onDispatchThread { () -> (FileSinkReconcileReport?, [String]?) in
            let sink = NDJSONFileSink(name: "torn", path: path, logger: sinkTestLogger())
            let report = sink.reconcileReport
            sink.write(testRecord(id: "a-3", n: 3), onDurable: log.callback(for: "a-3"))
            sink.write(testRecord(id: "a-1", n: 1), onDurable: log.callback(for: "a-1"))
            sink.close()
            return (report, wholeLines(path))
        }
        #expect(report?.tornBytesCut == torn.utf8.count)
        #expect(report?.idsRecovered == 3)
        let written = try #require(lines, "the file ends with \\n again")
        #expect(decodeTestLines(written).map { $0?.id } == ["a-0", "a-1", "a-2", "a-3"])
        #expect(log.outcomes("a-3") == [.durable], "the torn record was never complete, so it is written")
        #expect(log.outcomes("a-1") == [.alreadyPresent])
    }

    /// `kill -9` during a `write(2)` leaves any prefix of the intended file in the page cache. From
    /// every such prefix, a restart that processes the same input again must end with each line
    /// exactly once, in order, and whole.
    @Test func aRestartAfterAKillAtAnyByteEndsWithEveryLineOnce() async throws {
        let folder = try TemporaryFolder()
        let records = (0..<4).map { testRecord(id: "k-\($0)", n: $0, length: 20 + $0 * 9) }
        let full = records.flatMap(\.line)
        let failures = try await onDispatchThread { () -> [String] in
            var failures: [String] = []
            for cut in 0...full.count {
                let path = folder.file("killed-\(cut).ndjson")
                try Data(full[..<cut]).write(to: URL(fileURLWithPath: path))
                let sink = NDJSONFileSink(name: "killed", path: path, logger: sinkTestLogger())
                for record in records { sink.write(record) { _ in } }
                sink.close()
                if fileBytes(path) != full { failures.append("cut at \(cut)") }
                try FileManager.default.removeItem(atPath: path)
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func aFileWithoutAnyNewlineIsEmptiedOnOpen() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("only-torn.ndjson")
        try writeFile(path, #"{"id":"x","n":1,"te"#)
        let report = try await onDispatchThread { () -> FileSinkReconcileReport? in
            let sink = NDJSONFileSink(name: "only-torn", path: path, logger: sinkTestLogger())
            defer { sink.close() }
            return sink.reconcileReport
        }
        #expect(report?.tornBytesCut == 19)
        #expect(fileBytes(path).isEmpty)
    }

    @Test func idsAlreadyInTheFileAreNotWrittenAgainAfterARestart() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("restart.ndjson")
        let log = OutcomeLog()
        let (report, lines, statistics) = try await onDispatchThread {
            () -> (FileSinkReconcileReport?, [String]?, SinkStatistics) in
            let first = NDJSONFileSink(name: "restart", path: path, logger: sinkTestLogger())
            for n in 0..<100 { first.write(testRecord(id: "r-\(n)", n: n)) { _ in } }
            first.close()
            // The restarted run processes an overlapping range again, as after a crash.
            let second = NDJSONFileSink(name: "restart", path: path, logger: sinkTestLogger())
            for n in 50..<150 { second.write(testRecord(id: "r-\(n)", n: n), onDurable: log.callback(for: "r-\(n)")) }
            second.flush()
            let report = second.reconcileReport
            let statistics = second.statistics
            second.close()
            return (report, wholeLines(path), statistics)
        }
        #expect(report?.idsRecovered == 100)
        #expect(report?.tornBytesCut == 0)
        #expect(statistics.recordsSkipped == 50)
        #expect(statistics.linesWritten == 50)
        #expect(statistics.recordsFailed == 0)
        for n in 50..<100 { #expect(log.outcomes("r-\(n)") == [.alreadyPresent]) }
        for n in 100..<150 { #expect(log.outcomes("r-\(n)") == [.durable]) }
        let ids = decodeTestLines(try #require(lines)).map { $0?.id }
        #expect(ids == (0..<150).map { "r-\($0)" }, "every id once, in order")
    }

    @Test func theSameIDTwiceInOneRunIsWrittenOnce() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("twice.ndjson")
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let sink = NDJSONFileSink(name: "twice", path: path, logger: sinkTestLogger())
            // Twice in one batch, then again in a later batch.
            sink.write(testRecord(id: "dup", n: 1), onDurable: log.callback(for: "dup"))
            sink.write(testRecord(id: "dup", n: 2), onDurable: log.callback(for: "dup"))
            sink.flush()
            sink.write(testRecord(id: "dup", n: 3), onDurable: log.callback(for: "dup"))
            sink.close()
            return wholeLines(path)
        }
        #expect(lines?.count == 1)
        #expect(log.outcomes("dup") == [.durable, .alreadyPresent, .alreadyPresent])
    }

    @Test func recordsWithoutAnIDAreAlwaysWritten() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("anonymous.ndjson")
        let lines = try await onDispatchThread {
            let sink = NDJSONFileSink(name: "anonymous", path: path, logger: sinkTestLogger())
            sink.write(testRecord(id: "", n: 1)) { _ in }
            sink.write(testRecord(id: "", n: 2)) { _ in }
            sink.close()
            return wholeLines(path)
        }
        #expect(lines?.count == 2)
    }

    @Test func idsAreFoundInLinesThatDoNotStartWithTheID() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other-order.ndjson")
        try writeFile(path, """
            {"n":1,"id":"late-key","text":"x"}
            {"id":"esc\\u0061ped","n":2,"text":"y"}
            not json at all
            {"id":"plain","n":3,"text":"z"}

            """)
        let log = OutcomeLog()
        let report = try await onDispatchThread { () -> FileSinkReconcileReport? in
            let sink = NDJSONFileSink(name: "other-order", path: path, logger: sinkTestLogger())
            for id in ["late-key", "escaped", "plain", "new"] {
                sink.write(testRecord(id: id, n: 9), onDurable: log.callback(for: id))
            }
            let report = sink.reconcileReport
            sink.close()
            return report
        }
        #expect(report?.idsRecovered == 3)
        #expect(log.outcomes("late-key") == [.alreadyPresent])
        #expect(log.outcomes("escaped") == [.alreadyPresent])
        #expect(log.outcomes("plain") == [.alreadyPresent])
        #expect(log.outcomes("new") == [.durable])
    }

    @Test func onlyTheLastLinesWithinTheBudgetAreRemembered() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("budget.ndjson")
        let log = OutcomeLog()
        let report = try await onDispatchThread { () -> FileSinkReconcileReport? in
            let first = NDJSONFileSink(name: "budget", path: path, logger: sinkTestLogger())
            for n in 0..<30 { first.write(testRecord(id: "b-\(n)", n: n)) { _ in } }
            first.close()
            let second = NDJSONFileSink(name: "budget", path: path, reconcileLineBudget: 10, logger: sinkTestLogger())
            second.write(testRecord(id: "b-29", n: 29), onDurable: log.callback(for: "b-29"))
            second.write(testRecord(id: "b-0", n: 0), onDurable: log.callback(for: "b-0"))
            let report = second.reconcileReport
            second.close()
            return report
        }
        #expect(report?.linesRead == 10)
        #expect(report?.idsRecovered == 10)
        #expect(log.outcomes("b-29") == [.alreadyPresent])
        #expect(log.outcomes("b-0") == [.durable], "beyond the window, an id is written again")
    }

    @Test func theByteBudgetSkipsALineCutInHalf() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("bytes.ndjson")
        let records = (0..<20).map { testRecord(id: "y-\($0)", n: $0, length: 100) }
        try writeFile(path, Self.text(of: records))
        let lineLength = records[19].line.count
        let report = try await onDispatchThread { () -> FileSinkReconcileReport? in
            // Two and a half lines' worth: the half line must not be taken for a line.
            let sink = NDJSONFileSink(
                name: "bytes", path: path, reconcileByteBudget: lineLength * 5 / 2, logger: sinkTestLogger())
            defer { sink.close() }
            return sink.reconcileReport
        }
        #expect(report?.linesRead == 2)
        #expect(report?.idsRecovered == 2)
    }
}
