import Foundation
import Testing
@testable import WireRuntime

@Suite struct NDJSONFileSinkTimeRotationTests {
    private static func ids(_ path: String) -> [String?] { decodeTestLines(wholeLines(path) ?? ["torn"]).map { $0?.id } }

    /// Sleeps until just after the next whole second, so the next write falls in a new 1-second period.
    private static func waitForNextSecond() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        usleep(useconds_t((1_000_000_000 - now.tv_nsec) / 1000 + 50_000))
    }

    @Test func aWriteInALaterPeriodRotatesTheCompleteFileFirst() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("hourly.ndjson")
        let log = OutcomeLog()
        try await onDispatchThread {
            let sink = NDJSONFileSink(
                name: "timed", path: path, fsyncInterval: .zero, rotateEvery: .seconds(1), logger: sinkTestLogger())
            Self.waitForNextSecond()
            sink.write(testRecord(id: "a", n: 1), onDurable: log.callback(for: "a"))
            sink.write(testRecord(id: "b", n: 2), onDurable: log.callback(for: "b"))
            sink.flush()
            Self.waitForNextSecond()
            sink.write(testRecord(id: "c", n: 3), onDurable: log.callback(for: "c"))
            sink.close()
        }
        #expect(Self.ids(path + ".1") == ["a", "b"], "the earlier period's lines, whole, in the rotated file")
        #expect(Self.ids(path) == ["c"])
        for id in ["a", "b", "c"] { #expect(log.outcomes(id) == [.durable]) }
    }

    @Test func writesInTheSamePeriodStayInOneFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("daily.ndjson")
        try await onDispatchThread {
            let sink = NDJSONFileSink(name: "daily", path: path, rotateEvery: .seconds(86_400), logger: sinkTestLogger())
            for n in 0..<20 {
                sink.write(testRecord(id: "d-\(n)", n: n)) { _ in }
                if n % 5 == 0 { sink.flush() }
            }
            sink.close()
        }
        #expect(Self.ids(path) == (0..<20).map { "d-\($0)" })
        #expect(!FileManager.default.fileExists(atPath: path + ".1"))
    }

    @Test func aFileLastWrittenInAnEarlierPeriodRotatesOnTheFirstWriteAfterARestart() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("restart.ndjson")
        try writeFile(path, String(decoding: testRecord(id: "old", n: 0).line, as: UTF8.self))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: path)
        try await onDispatchThread {
            let sink = NDJSONFileSink(name: "restart", path: path, rotateEvery: .seconds(3600), logger: sinkTestLogger())
            sink.write(testRecord(id: "new", n: 1)) { _ in }
            sink.close()
        }
        #expect(Self.ids(path + ".1") == ["old"])
        #expect(Self.ids(path) == ["new"])
    }
}
