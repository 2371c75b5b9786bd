import Dispatch
import Foundation
import Logging
import WireModel
@testable import WireRuntime

/// A sink that keeps lines in memory; `hold()` makes `write` block until `release()`, like a stalled disk.
final class MemorySink: Sink, @unchecked Sendable {
    let name: String
    private let lock = NSLock()
    private var stored: [SinkRecord] = []
    private let gate = DispatchSemaphore(value: 1)
    private var failing: String?

    init(name: String) { self.name = name }

    var records: [SinkRecord] { lock.withLock { stored } }
    var ids: [String] { records.map(\.id) }
    var lines: [String] { records.map { String(decoding: $0.line, as: UTF8.self) } }

    func hold() { gate.wait() }
    func release() { gate.signal() }
    func fail(with reason: String?) { lock.withLock { failing = reason } }

    func write(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        gate.wait()
        gate.signal()
        let reason: String? = lock.withLock {
            if let failing { return failing }
            stored.append(record)
            return nil
        }
        onDurable(reason.map { .failed($0) } ?? .durable)
    }

    func flush() {}
    func close() {}
}

/// A stage written for tests: applies `body` to each item.
final class ClosureStage: Stage, @unchecked Sendable {
    let name: String
    private let body: @Sendable (Item) throws -> [Item]

    init(name: String, body: @escaping @Sendable (Item) throws -> [Item]) {
        self.name = name
        self.body = body
    }

    func process(_ item: Item) throws -> [Item] { try body(item) }
}

enum TestItems {
    static func item(_ headline: String, id: String? = nil) -> Item {
        var item = Item(
            id: id ?? headline, source: ItemSource(type: "file", name: "test"), format: .text,
            receivedAt: "2024-04-13T12:10:03Z")
        item.headline = headline
        return item
    }
}

/// Dead-letter lines for tests: the failure's reason and the input headline, tab-separated.
let testDeadLetterEncoder: @Sendable (DeadLetterInput) -> SinkRecord = { input in
    let text = "\(input.failure.stage)\t\(input.failure.reason)\t\(input.item?.headline ?? input.text ?? "")"
    return SinkRecord(id: "dl-\(text.hashValue)", line: Array(text.utf8) + [0x0A])
}

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()

/// Polls `condition` until it holds or `seconds` pass; tests wait on outcomes, never on fixed sleeps.
func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "wirefeed-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
