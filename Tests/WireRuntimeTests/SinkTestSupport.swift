import Dispatch
import Foundation
import Logging
import WireModel
@testable import WireRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs blocking test code (sinks block their callers on semaphores and `queue.sync`) on a Dispatch
/// thread: blocking Swift-concurrency threads can starve the pool on two cores (swift-stack.md §3).
/// Expectations stay in the test body, on the test's task, where Swift Testing attributes them.
func onDispatchThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "wirefeed.tests.blocking").async {
            continuation.resume(with: Result { try body() })
        }
    }
}

func sinkTestLogger() -> Logger {
    var logger = Logger(label: "wirefeed.tests.sinks")
    logger.logLevel = .critical
    return logger
}

/// A fresh folder under the system temp folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/wirefeed-sinks-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw CocoaError(.fileWriteUnknown) }
        path = template.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Collects the outcomes sinks report, from whatever thread they report on.
final class OutcomeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var byID: [String: [SinkOutcome]] = [:]
    private var order: [String] = []

    func callback(for id: String) -> @Sendable (SinkOutcome) -> Void {
        { outcome in self.add(id, outcome) }
    }

    private func add(_ id: String, _ outcome: SinkOutcome) {
        lock.lock()
        defer { lock.unlock() }
        byID[id, default: []].append(outcome)
        order.append(id)
    }

    func outcomes(_ id: String) -> [SinkOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return byID[id] ?? []
    }

    /// Ids in the order their callbacks ran.
    var callbackOrder: [String] {
        lock.lock()
        defer { lock.unlock() }
        return order
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return order.count
    }
}

/// The decoded shape of the lines tests write.
struct TestLine: Decodable, Equatable {
    var id: String
    var n: Int
    var text: String
}

/// A record whose line is `{"id":…,"n":…,"text":…}`; text padded to `length` to vary line sizes.
func testRecord(id: String, n: Int, length: Int = 40) -> SinkRecord {
    var w = JSONWriter()
    w.beginObject()
    w.key("id"); w.string(id)
    w.key("n"); w.int(n)
    let seed = "é \"q\" \\ \t ü "
    var text = "line \(n): "
    while text.utf8.count < length { text += seed }
    w.key("text"); w.string(text)
    w.endObject()
    var line = w.bytes
    line.append(UInt8(ascii: "\n"))
    return SinkRecord(id: id, line: line)
}

func fileBytes(_ path: String) -> [UInt8] {
    (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
}

/// The file's lines without their `\n`; `nil` when the file does not end with one (a torn line).
func wholeLines(_ path: String) -> [String]? {
    let bytes = fileBytes(path)
    guard bytes.isEmpty || bytes.last == UInt8(ascii: "\n") else { return nil }
    return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        .map { String(decoding: $0, as: UTF8.self) }
}

/// Decodes each line as a `TestLine`; nil for a line that does not decode.
func decodeTestLines(_ lines: [String]) -> [TestLine?] {
    let decoder = JSONDecoder()
    return lines.map { try? decoder.decode(TestLine.self, from: Data($0.utf8)) }
}

func writeFile(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
