import Dispatch
import Foundation
import Testing
@testable import WireRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct StdoutSinkTests {
    @Test func concurrentWritersGetWholeLinesAndOneCallbackEach() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("stdout.ndjson")
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let log = OutcomeLog()
        let statistics = try await onDispatchThread { () -> SinkStatistics in
            let sink = StdoutSink(name: "console", fileDescriptor: fd, capacity: 16, logger: sinkTestLogger())
            let group = DispatchGroup()
            for writer in 0..<4 {
                DispatchQueue(label: "writer-\(writer)").async(group: group) {
                    for n in 0..<250 {
                        let id = "o\(writer)-\(n)"
                        sink.write(testRecord(id: id, n: n, length: 10 + n * 3), onDurable: log.callback(for: id))
                    }
                }
            }
            group.wait()
            sink.close()
            return sink.statistics
        }
        let lines = try #require(wholeLines(path))
        #expect(lines.count == 1000)
        #expect(statistics.linesWritten == 1000)
        #expect(statistics.bytesWritten == fileBytes(path).count)
        let decoded = decodeTestLines(lines)
        #expect(decoded.allSatisfy { $0 != nil })
        #expect(Set(decoded.compactMap { $0?.id }).count == 1000)
        for writer in 0..<4 {
            for n in 0..<250 { #expect(log.outcomes("o\(writer)-\(n)") == [.durable]) }
        }
    }

    @Test func aDescriptorThatCannotBeWrittenFailsRecordsWithoutCrashing() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("read-only")
        try writeFile(path, "")
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        let log = OutcomeLog()
        try await onDispatchThread {
            let sink = StdoutSink(fileDescriptor: fd, logger: sinkTestLogger())
            sink.write(testRecord(id: "x", n: 1), onDurable: log.callback(for: "x"))
            sink.flush()
            sink.write(testRecord(id: "y", n: 2), onDurable: log.callback(for: "y"))
            sink.close()
            sink.write(testRecord(id: "z", n: 3), onDurable: log.callback(for: "z"))
            sink.flush()
        }
        for id in ["x", "y"] {
            guard case .failed(let reason)? = log.outcomes(id).first else {
                Issue.record("expected a failure for \(id), got \(log.outcomes(id))")
                continue
            }
            #expect(reason.contains("Bad file descriptor"), "\(reason)")
            #expect(log.outcomes(id).count == 1)
        }
        #expect(log.outcomes("z") == [.failed("sink stdout is closed")])
    }

    @Test func aLineThatIsNotOneLineIsRefused() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("strict")
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let log = OutcomeLog()
        try await onDispatchThread {
            let sink = StdoutSink(fileDescriptor: fd, logger: sinkTestLogger())
            sink.write(SinkRecord(id: "a", line: Array("{}".utf8)), onDurable: log.callback(for: "a"))
            sink.write(SinkRecord(id: "b", line: Array("{}\n{}\n".utf8)), onDurable: log.callback(for: "b"))
            sink.write(testRecord(id: "c", n: 1), onDurable: log.callback(for: "c"))
            sink.close()
        }
        #expect(log.outcomes("a").first != .durable)
        #expect(log.outcomes("b").first != .durable)
        #expect(log.outcomes("c") == [.durable])
        #expect(wholeLines(path)?.count == 1)
    }
}
