import Crypto
import Foundation
import WireModel

/// Something the pipeline could not handle, kept with its reason and enough to replay it: one line
/// of the dead-letter file (DESIGN §3).
///
/// `{"id":…,"error":{"stage":…,"reason":…,"detail":…},"source":{…},"input":…,"failed_at":"RFC 3339"}`
/// where `input` is the item as written to any sink (so `wirefeed replay` feeds it back unchanged)
/// or, for a fragment a reader could not turn into an item, its raw text as a string.
///
/// The `id` comes first so the file sink can reconcile dead letters like items. It is a SHA-256 over
/// the stage, the reason, the source and the input (the item's id, which the contract makes stable
/// across re-runs, or the fragment's text), never over the time: processing the same input again
/// after a crash gives the same id, and the file sink does not write the dead letter twice.
public struct DeadLetterRecord: Sendable, Equatable {
    public enum Input: Sendable, Equatable {
        /// An item a stage rejected, as it entered that stage.
        case item(Item)
        /// Raw text of an input fragment that a reader could not turn into an item.
        case text(String)
    }

    public let id: String
    public let failure: StageFailure
    public let source: ItemSource
    public let input: Input
    /// RFC 3339, UTC.
    public let failedAt: String

    public init(failure: StageFailure, source: ItemSource, input: Input, failedAt: String) {
        self.init(
            id: Self.identity(failure: failure, source: source, input: input),
            failure: failure, source: source, input: input, failedAt: failedAt)
    }

    /// A dead letter for an item a stage rejected; the source is the item's own.
    public init(failure: StageFailure, item: Item, failedAt: Date = Date()) {
        self.init(failure: failure, source: item.source, input: .item(item), failedAt: Self.rfc3339(failedAt))
    }

    /// A dead letter for a fragment a reader could not turn into an item.
    public init(failure: StageFailure, source: ItemSource, text: String, failedAt: Date = Date()) {
        self.init(failure: failure, source: source, input: .text(text), failedAt: Self.rfc3339(failedAt))
    }

    private init(id: String, failure: StageFailure, source: ItemSource, input: Input, failedAt: String) {
        self.id = id
        self.failure = failure
        self.source = source
        self.input = input
        self.failedAt = failedAt
    }

    /// The rejected item, when the input was one: what `wirefeed replay` feeds back in.
    public var item: Item? {
        if case .item(let item) = input { return item }
        return nil
    }

    /// The line to hand to the dead-letter sink.
    public var sinkRecord: SinkRecord { SinkRecord(id: id, line: ndjsonLine()) }

    public static func rfc3339(_ date: Date) -> String {
        Timestamp.format(date)
    }

    /// Hex SHA-256 over the fields that identify a failure, each length-prefixed so that no two
    /// different field lists hash the same bytes.
    public static func identity(failure: StageFailure, source: ItemSource, input: Input) -> String {
        var hasher = SHA256()
        func field(_ text: String) {
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        field("wirefeed-dead-letter-1")
        field(failure.stage)
        field(failure.reason)
        field(source.type)
        field(source.name)
        field(source.path ?? "")
        field(source.url ?? "")
        switch input {
        case .item(let item) where !item.id.isEmpty:
            field("item-id")
            field(item.id)
        case .item(let item):
            // No id yet (rejected before one was given): its encoding is the next stablest thing.
            field("item-line")
            field(String(decoding: item.ndjsonLine(), as: UTF8.self))
        case .text(let text):
            field("text")
            field(text)
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// One NDJSON line, `\n`-terminated, `id` first.
    public func ndjsonLine() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("error")
        w.beginObject()
        w.key("stage"); w.string(failure.stage)
        w.key("reason"); w.string(failure.reason)
        w.key("detail"); w.string(failure.detail)
        w.endObject()
        w.key("source")
        w.beginObject()
        w.key("type"); w.string(source.type)
        w.key("name"); w.string(source.name)
        if let path = source.path { w.key("path"); w.string(path) }
        if let url = source.url { w.key("url"); w.string(url) }
        w.endObject()
        w.key("input")
        switch input {
        case .item(let item): w.raw(Array(item.ndjsonLine().dropLast()))
        case .text(let text): w.string(text)
        }
        w.key("failed_at"); w.string(failedAt)
        w.endObject()
        var line = w.bytes
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Reads a dead-letter line back (trailing `\n` optional), for `wirefeed replay`.
    /// Lenient about what hand edits drop: a missing `id` is recomputed, a missing `source` is the
    /// item's, a missing `failed_at` is empty.
    public static func decode(line: some Collection<UInt8>) throws -> DeadLetterRecord {
        let parsed = try JSONDecoder().decode(Line.self, from: Data(line))
        let input: Input
        switch parsed.input {
        case .item(let item): input = .item(item)
        case .text(let text): input = .text(text)
        }
        let itemSource: ItemSource? = if case .item(let item) = input { item.source } else { nil }
        guard let source = parsed.source ?? itemSource else {
            throw DecodingError.keyNotFound(
                Line.CodingKeys.source,
                DecodingError.Context(codingPath: [], debugDescription: "a text input needs a \"source\""))
        }
        let failure = StageFailure(
            stage: parsed.error.stage, reason: parsed.error.reason, detail: parsed.error.detail ?? "")
        return DeadLetterRecord(
            id: parsed.id ?? identity(failure: failure, source: source, input: input),
            failure: failure, source: source, input: input, failedAt: parsed.failedAt ?? "")
    }

    /// The line's shape for JSONDecoder.
    private struct Line: Decodable {
        struct ErrorPart: Decodable {
            var stage: String
            var reason: String
            var detail: String?
        }

        enum InputPart: Decodable {
            case item(Item)
            case text(String)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else {
                    self = .item(try container.decode(Item.self))
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, error, source, input
            case failedAt = "failed_at"
        }

        var id: String?
        var error: ErrorPart
        var source: ItemSource?
        var input: InputPart
        var failedAt: String?
    }
}
