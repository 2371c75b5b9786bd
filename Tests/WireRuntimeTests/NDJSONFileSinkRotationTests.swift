import Dispatch
import Foundation
import Testing
@testable import WireRuntime

@Suite struct NDJSONFileSinkRotationTests {
    /// The ids in `path.keep` … `path.1`, `path`: oldest first.
    private static func idsAcrossFiles(_ path: String, keep: Int) -> [String?] {
        let paths = stride(from: keep, through: 1, by: -1).map { "\(path).\($0)" } + [path]
        return paths.flatMap { decodeTestLines(wholeLines($0) ?? ["torn"]).map { $0?.id } }
    }

    @Test func rotationKeepsAtMostKeepFilesAndEveryKeptLineInOrder() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("rotating.ndjson")
        let maxBytes = 2000
        let keep = 3
        let total = 200
        try await onDispatchThread {
            let sink = NDJSONFileSink(name: "rotating", path: path, maxBytes: maxBytes, keep: keep, logger: sinkTestLogger())
            for n in 0..<total {
                sink.write(testRecord(id: "k-\(n)", n: n, length: 60 + n % 40)) { _ in }
                if n % 17 == 0 { sink.flush() }
            }
            sink.close()
        }
        for generation in 1...keep { #expect(FileManager.default.fileExists(atPath: "\(path).\(generation)")) }
        #expect(!FileManager.default.fileExists(atPath: "\(path).\(keep + 1)"), "at most keep rotated files")
        for file in [path] + (1...keep).map({ "\(path).\($0)" }) {
            #expect(fileBytes(file).count <= maxBytes, "\(file) stays under max_size")
            #expect(wholeLines(file) != nil, "\(file) ends with a whole line")
        }
        let ids = Self.idsAcrossFiles(path, keep: keep)
        let first = try #require(ids.first.flatMap { $0 }.flatMap { Int($0.dropFirst(2)) })
        #expect(ids == (first..<total).map { "k-\($0)" }, "the kept files hold the newest lines, none missing")
        #expect(first > 0, "older files were dropped")
    }

    @Test func noLineIsLostAcrossRotationsWhenEnoughFilesAreKept() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("all-kept.ndjson")
        let log = OutcomeLog()
        let statistics = try await onDispatchThread { () -> SinkStatistics in
            let sink = NDJSONFileSink(name: "all-kept", path: path, maxBytes: 1500, keep: 50, logger: sinkTestLogger())
            // One big batch: rotation has to happen in the middle of it.
            for n in 0..<300 { sink.write(testRecord(id: "m-\(n)", n: n), onDurable: log.callback(for: "m-\(n)")) }
            sink.close()
            return sink.statistics
        }
        #expect(statistics.linesWritten == 300)
        #expect(statistics.rotations >= 2)
        let ids = Self.idsAcrossFiles(path, keep: 50).filter { $0 != "torn" }
        let present = ids.compactMap { $0 }
        #expect(present == (0..<300).map { "m-\($0)" })
        #expect(FileManager.default.fileExists(atPath: "\(path).2"))
        for n in 0..<300 { #expect(log.outcomes("m-\(n)") == [.durable]) }
    }

    @Test func aRestartRemembersIDsFromTheNewestRotatedFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("remember.ndjson")
        let log = OutcomeLog()
        let line = testRecord(id: "q-00", n: 0).line.count
        let report = try await onDispatchThread { () -> FileSinkReconcileReport? in
            // Ten lines per file; 23 lines leave three in the current file.
            let first = NDJSONFileSink(name: "remember", path: path, maxBytes: line * 10, keep: 2, logger: sinkTestLogger())
            for n in 0..<23 { first.write(testRecord(id: String(format: "q-%02d", n), n: 0)) { _ in } }
            first.close()
            let second = NDJSONFileSink(name: "remember", path: path, maxBytes: line * 10, keep: 2, logger: sinkTestLogger())
            for n in 0..<23 {
                let id = String(format: "q-%02d", n)
                second.write(testRecord(id: id, n: 0), onDurable: log.callback(for: id))
            }
            let report = second.reconcileReport
            second.close()
            return report
        }
        #expect(report?.linesRead == 3)
        #expect(report?.rotatedLinesRead == 10)
        for n in 10..<23 { #expect(log.outcomes(String(format: "q-%02d", n)) == [.alreadyPresent]) }
        // path.2 is not read back: those ids are written again (the window is the newest lines).
        for n in 0..<10 { #expect(log.outcomes(String(format: "q-%02d", n)) == [.durable]) }
    }

    @Test func keepZeroDeletesTheFullFileInsteadOfRotating() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no-keep.ndjson")
        try await onDispatchThread {
            let sink = NDJSONFileSink(name: "no-keep", path: path, maxBytes: 500, keep: 0, logger: sinkTestLogger())
            for n in 0..<40 { sink.write(testRecord(id: "z-\(n)", n: n)) { _ in } }
            sink.close()
        }
        #expect(!FileManager.default.fileExists(atPath: "\(path).1"))
        let lines = try #require(wholeLines(path))
        #expect(!lines.isEmpty)
        #expect(decodeTestLines(lines).last??.id == "z-39")
        #expect(fileBytes(path).count <= 500)
    }
}
