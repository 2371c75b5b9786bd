import Foundation
import Testing
import WireModel
@testable import WireRuntime

@Suite struct DeadLetterRecordTests {
    static func item() -> Item {
        var item = Item(
            id: "9f2c", source: ItemSource(type: "inbox", name: "wires", path: "/var/inbox/a.xml"),
            format: .nitf, receivedAt: "2024-04-13T12:10:03Z")
        item.headline = "Ferry \"Aurora\" runs aground"
        item.body = "Line one.\n\nLine two\twith a tab."
        item.categories = ["transport"]
        return item
    }

    static let failure = StageFailure(stage: "extract", reason: "no-body", detail: "body empty after \"clean\"")

    @Test func anItemDeadLetterIsOneLineThatDecodesBackEqual() throws {
        let record = DeadLetterRecord(failure: Self.failure, item: Self.item(), failedAt: Date(timeIntervalSince1970: 1_713_010_203))
        let line = record.ndjsonLine()
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix(#"{"id":""#), "id first, for the file sink's reconcile")
        #expect(text.contains(#""failed_at":"2024-04-13T12:10:03Z""#))
        let decoded = try DeadLetterRecord.decode(line: line)
        #expect(decoded == record)
        #expect(decoded.item == Self.item(), "replay gets the item back unchanged")
        #expect(NDJSONTailReader.lineID(line.dropLast()) == record.id)
    }

    @Test func theLineHasTheContractShape() throws {
        let record = DeadLetterRecord(failure: Self.failure, item: Self.item())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record.ndjsonLine())) as? [String: Any])
        #expect(Set(object.keys) == ["id", "error", "source", "input", "failed_at"])
        let error = try #require(object["error"] as? [String: String])
        #expect(error == ["stage": "extract", "reason": "no-body", "detail": "body empty after \"clean\""])
        let source = try #require(object["source"] as? [String: String])
        #expect(source == ["type": "inbox", "name": "wires", "path": "/var/inbox/a.xml"])
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["id"] as? String == "9f2c")
        #expect(input["headline"] as? String == "Ferry \"Aurora\" runs aground")
    }

    @Test func aTextDeadLetterKeepsTheRawFragment() throws {
        let fragment = "<item><title>broken \u{1} \"x\"\n</tit"
        let source = ItemSource(type: "feed", name: "harbour", url: "https://example.org/rss.xml")
        let failure = StageFailure(stage: "read", reason: "malformed-xml", detail: "line 3: unexpected end")
        let record = DeadLetterRecord(failure: failure, source: source, text: fragment)
        let decoded = try DeadLetterRecord.decode(line: record.ndjsonLine())
        #expect(decoded == record)
        #expect(decoded.input == .text(fragment))
        #expect(decoded.item == nil)
    }

    @Test func theIDIsTheSameOnARerunAndDiffersForADifferentFailure() {
        let early = DeadLetterRecord(failure: Self.failure, item: Self.item(), failedAt: Date(timeIntervalSince1970: 0))
        var reReceived = Self.item()
        reReceived.receivedAt = "2024-04-14T00:00:00Z"
        let late = DeadLetterRecord(failure: Self.failure, item: reReceived, failedAt: Date())
        #expect(early.id == late.id, "re-processing after a crash gives the same id")
        #expect(early.id.count == 64)

        var otherStage = Self.failure
        otherStage.stage = "enrich"
        var otherReason = Self.failure
        otherReason.reason = "no-headline"
        var otherItem = Self.item()
        otherItem.id = "9f2d"
        let ids: Set<String> = [
            early.id,
            DeadLetterRecord(failure: otherStage, item: Self.item()).id,
            DeadLetterRecord(failure: otherReason, item: Self.item()).id,
            DeadLetterRecord(failure: Self.failure, item: otherItem).id,
            DeadLetterRecord(failure: Self.failure, source: Self.item().source, text: "9f2c").id,
        ]
        #expect(ids.count == 5)
    }

    @Test func aHandTrimmedLineStillDecodes() throws {
        let line = #"{"error":{"stage":"clean","reason":"html"},"input":{"source":{"type":"file","name":"cli"},"format":"html","body":"x"}}"#
        let record = try DeadLetterRecord.decode(line: Array(line.utf8))
        #expect(record.failure == StageFailure(stage: "clean", reason: "html", detail: ""))
        #expect(record.source == ItemSource(type: "file", name: "cli"))
        #expect(record.item?.body == "x")
        #expect(record.id == DeadLetterRecord.identity(failure: record.failure, source: record.source, input: record.input))
    }

    @Test(arguments: [
        #"{"error":{"stage":"clean","reason":"html"},"input":"raw text without a source"}"#,
        #"{"error":{"stage":"clean"},"source":{"type":"file","name":"cli"},"input":"x"}"#,
        #"{"error":{"stage":"clean","reason":"html"},"source":{"type":"file","name":"cli"},"input":{"format":"html"}}"#,
        "not json",
    ])
    func anUnusableLineIsAnErrorNotACrash(line: String) {
        #expect(throws: (any Error).self) { _ = try DeadLetterRecord.decode(line: Array(line.utf8)) }
    }

    @Test func timesAreRFC3339InUTC() {
        #expect(DeadLetterRecord.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func theFileSinkDoesNotWriteTheSameDeadLetterTwiceAcrossARestart() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("dead-letter.ndjson")
        let record = DeadLetterRecord(failure: Self.failure, item: Self.item())
        let rerun = DeadLetterRecord(failure: Self.failure, item: Self.item(), failedAt: Date(timeIntervalSinceNow: 60))
        let log = OutcomeLog()
        let lines = try await onDispatchThread {
            let first = NDJSONFileSink(name: "dead-letter", path: path, logger: sinkTestLogger())
            first.write(record.sinkRecord, onDurable: log.callback(for: "first"))
            first.close()
            let second = NDJSONFileSink(name: "dead-letter", path: path, logger: sinkTestLogger())
            second.write(rerun.sinkRecord, onDurable: log.callback(for: "rerun"))
            second.close()
            return wholeLines(path)
        }
        #expect(log.outcomes("first") == [.durable])
        #expect(log.outcomes("rerun") == [.alreadyPresent])
        #expect(lines?.count == 1)
    }
}
