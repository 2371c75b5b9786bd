import Dispatch
import Foundation
import Testing
@testable import WireRuntime

@Suite struct NDJSONFileSinkTests {
    @Test func linesAreNewlineTerminatedJSONInWriteOrder() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("out/nested/all.ndjson")
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let sink = NDJSONFileSink(name: "all", path: path, logger: sinkTestLogger())
            for n in 0..<50 {
                sink.write(testRecord(id: "id-\(n)", n: n, length: n * 7), onDurable: log.callback(for: "id-\(n)"))
            }
            sink.flush()
            sink.close()
            return wholeLines(path)
        }
        let written = try #require(lines, "the file must end with \\n")
        #expect(written.count == 50)
        let decoded = decodeTestLines(written)
        #expect(decoded.allSatisfy { $0 != nil }, "every line decodes with JSONDecoder")
        #expect(decoded.compactMap { $0?.n } == Array(0..<50), "one writer's lines keep their order")
        for n in 0..<50 { #expect(log.outcomes("id-\(n)") == [.durable]) }
    }

    @Test func fileIsCreatedWithOwnerAndGroupPermissionsOnly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("perm.ndjson")
        _ = try await onDispatchThread {
            NDJSONFileSink(name: "perm", path: path, logger: sinkTestLogger()).close()
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let permissions = try #require(attributes[.posixPermissions] as? Int)
        #expect(permissions & ~0o640 == 0, "never world-readable or executable")
        #expect(permissions & 0o600 == 0o600)
    }

    @Test func manyConcurrentWritersGetWholeLinesAndOneCallbackEach() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("concurrent.ndjson")
        let log = OutcomeLog()
        let writers = 6
        let perWriter = 400
        let capacity = 64
        let result = try await onDispatchThread { () -> ([String]?, Int) in
            let sink = NDJSONFileSink(
                name: "concurrent", path: path, fsyncInterval: .milliseconds(2), capacity: capacity,
                logger: sinkTestLogger())
            let group = DispatchGroup()
            for writer in 0..<writers {
                DispatchQueue(label: "writer-\(writer)").async(group: group) {
                    for n in 0..<perWriter {
                        let id = "w\(writer)-\(n)"
                        sink.write(testRecord(id: id, n: writer * 10_000 + n, length: 20 + (n % 13) * 150),
                                   onDurable: log.callback(for: id))
                        // flush from other queues while writers may be blocked on a full sink.
                        if n % 97 == writer { sink.flush() }
                    }
                }
            }
            group.wait()
            sink.flush()
            let peak = sink.peakInFlight
            sink.close()
            return (wholeLines(path), peak)
        }
        let lines = try #require(result.0, "the file must end with \\n")
        #expect(lines.count == writers * perWriter)
        let decoded = decodeTestLines(lines)
        #expect(decoded.allSatisfy { $0 != nil }, "no line is torn or interleaved")
        #expect(Set(decoded.compactMap { $0?.id }).count == writers * perWriter, "each record written once")
        for writer in 0..<writers {
            let mine = decoded.compactMap { $0 }.filter { $0.id.hasPrefix("w\(writer)-") }.map(\.n)
            #expect(mine == mine.sorted(), "a writer's lines stay in its order")
        }
        #expect(log.count == writers * perWriter)
        for writer in 0..<writers {
            for n in 0..<perWriter { #expect(log.outcomes("w\(writer)-\(n)") == [.durable]) }
        }
        #expect(result.1 <= capacity, "write blocks once capacity records wait for callbacks")
        #expect(result.1 > 1, "records were batched")
    }

    @Test func readerPollingWhileWritingOnlyEverSeesWholeLines() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("tailed.ndjson")
        let total = 3000
        let report = try await onDispatchThread { () -> (polls: Int, bad: [String], lastCount: Int) in
            let sink = NDJSONFileSink(name: "tailed", path: path, fsyncInterval: .milliseconds(1), logger: sinkTestLogger())
            let done = DispatchSemaphore(value: 0)
            DispatchQueue(label: "writer").async {
                for n in 0..<total {
                    // Some lines span several pages, so a batch takes more than one page copy.
                    sink.write(testRecord(id: "t-\(n)", n: n, length: n % 50 == 0 ? 9000 : 30 + n % 400)) { _ in }
                }
                sink.flush()
                done.signal()
            }
            var polls = 0
            var bad: [String] = []
            var previousCount = 0
            var finished = false
            let decoder = JSONDecoder()
            while !finished {
                finished = done.wait(timeout: .now()) == .success
                polls += 1
                let bytes = fileBytes(path)
                let whole = bytes.lastIndex(of: UInt8(ascii: "\n")).map { bytes[...$0] } ?? []
                let lines = whole.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
                for line in lines where (try? decoder.decode(TestLine.self, from: Data(line))) == nil {
                    bad.append(String(decoding: line.prefix(80), as: UTF8.self))
                }
                if lines.count < previousCount { bad.append("line count went down") }
                previousCount = lines.count
            }
            sink.close()
            return (polls, bad, previousCount)
        }
        #expect(report.bad.isEmpty, "\(report.bad.prefix(3))")
        #expect(report.polls > 1)
        #expect(report.lastCount == total)
    }

    @Test func callbacksRunOnlyAfterTheFsyncThatCoversTheirLines() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("synced.ndjson")
        let log = OutcomeLog()
        let observed = try await onDispatchThread { () -> [Int] in
            // An hour-long cadence: only flush may fsync here.
            let sink = NDJSONFileSink(name: "synced", path: path, fsyncInterval: .seconds(3600), logger: sinkTestLogger())
            for n in 0..<10 { sink.write(testRecord(id: "s-\(n)", n: n), onDurable: log.callback(for: "s-\(n)")) }
            sink.waitForScheduledBatches()
            let linesBeforeSync = wholeLines(path)?.count ?? -1
            let callbacksBeforeSync = log.count
            let syncsBeforeFlush = sink.syncCount
            sink.flush()
            let syncsAfterFlush = sink.syncCount
            sink.close()
            return [linesBeforeSync, callbacksBeforeSync, syncsBeforeFlush, syncsAfterFlush, log.count]
        }
        #expect(observed[0] == 10, "the lines are written before the fsync")
        #expect(observed[1] == 0, "no callback before the fsync")
        #expect(observed[2] == 0)
        #expect(observed[3] == 1, "one fsync covers the whole batch")
        #expect(observed[4] == 10)
        #expect(log.callbackOrder == (0..<10).map { "s-\($0)" }, "callbacks in write order")
    }

    @Test func theFsyncCadenceAcknowledgesWithoutAFlush() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("cadence.ndjson")
        let outcomes = try await onDispatchThread { () -> [SinkOutcome?] in
            let sink = NDJSONFileSink(name: "cadence", path: path, fsyncInterval: .milliseconds(5), logger: sinkTestLogger())
            let log = OutcomeLog()
            let called = DispatchSemaphore(value: 0)
            for n in 0..<5 {
                let record = log.callback(for: "c-\(n)")
                sink.write(testRecord(id: "c-\(n)", n: n)) { outcome in
                    record(outcome)
                    called.signal()
                }
            }
            // A generous guard against a hang, not a timing assertion.
            var arrived: [SinkOutcome?] = []
            for n in 0..<5 {
                arrived.append(called.wait(timeout: .now() + 30) == .success ? log.outcomes("c-\(n)").first : nil)
            }
            let syncs = sink.syncCount
            sink.close()
            return arrived + [syncs > 0 ? .durable : nil]
        }
        #expect(outcomes.allSatisfy { $0 == .durable })
    }

    @Test func malformedLinesFailWithoutTouchingTheFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("strict.ndjson")
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let sink = NDJSONFileSink(name: "strict", path: path, logger: sinkTestLogger())
            sink.write(SinkRecord(id: "no-newline", line: Array(#"{"id":"no-newline"}"#.utf8)),
                       onDurable: log.callback(for: "no-newline"))
            sink.write(SinkRecord(id: "two-lines", line: Array("{\"id\":\"two-lines\"}\n{}\n".utf8)),
                       onDurable: log.callback(for: "two-lines"))
            sink.write(testRecord(id: "good", n: 1), onDurable: log.callback(for: "good"))
            sink.close()
            return wholeLines(path)
        }
        #expect(lines?.count == 1)
        #expect(log.outcomes("no-newline").count == 1)
        #expect(log.outcomes("no-newline").first != .durable)
        #expect(log.outcomes("two-lines").first != .durable)
        #expect(log.outcomes("good") == [.durable])
    }

    @Test func writesAfterCloseFailOnce() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("closed.ndjson")
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let sink = NDJSONFileSink(name: "closed", path: path, logger: sinkTestLogger())
            sink.close()
            sink.write(testRecord(id: "late", n: 1), onDurable: log.callback(for: "late"))
            sink.flush()
            return wholeLines(path)
        }
        #expect(lines == [])
        #expect(log.outcomes("late") == [.failed("sink closed is closed")])
    }
}
