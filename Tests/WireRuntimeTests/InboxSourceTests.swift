import Dispatch
import Foundation
import Testing
import WireModel
import WireReaders
@testable import WireRuntime

/// The inbox hand-off, driven by real inotify events in a temporary folder. The reader here is a small
/// fake (one item per non-empty line; NUL bytes are junk) so that these tests see only the hand-off.
@Suite(.serialized) struct InboxSourceTests {
    final class Harness {
        let root: String
        let config: InboxSourceConfig
        let sink = MemorySink(name: "all")
        let dead = MemorySink(name: "dead")
        let pipeline: QueuedPipeline
        let ledger: SQLiteStateStore
        let source: InboxSource

        init(root: String? = nil) throws {
            let root = try root ?? temporaryDirectory()
            self.root = root
            config = InboxSourceConfig(
                name: "wires", path: root + "/inbox", done: root + "/done", failed: root + "/failed", maxFileBytes: 1024)
            pipeline = QueuedPipeline(
                stages: [], sinks: [sink], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
            ledger = try SQLiteStateStore(directory: root + "/state")
            source = InboxSource(
                config: config, node: "test", pipeline: pipeline, ledger: ledger, read: Harness.fakeRead,
                logger: quietLogger, rescanInterval: .seconds(1))
        }

        static let fakeRead: ReadFunction = { bytes, context throws(UnreadableInput) in
            if bytes.isEmpty { throw UnreadableInput(reason: "empty", detail: "no bytes") }
            if bytes.contains(0) { throw UnreadableInput(reason: "binary", detail: "NUL bytes") }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            return ReadResult(items: lines.map { line in
                var item = Item(source: context.source, format: .text, receivedAt: context.receivedAt)
                item.headline = String(line)
                return item
            })
        }

        func write(_ name: String, _ text: String, in folder: String? = nil) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (folder ?? config.path) + "/" + name))
        }

        func files(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func backlogAtStartCopyAndMoveAreEachProcessedOnce() throws {
        let h = try Harness()
        defer { h.remove() }
        try FileManager.default.createDirectory(atPath: h.config.path, withIntermediateDirectories: true)
        try h.write("backlog.txt", "old one\nold two")
        try h.source.start()
        #expect(eventually { h.files(h.config.done) == ["backlog.txt"] })

        try h.write("copied.txt", "copied story")  // open, write, close: IN_CLOSE_WRITE
        let staging = h.root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try h.write("moved.txt", "moved story", in: staging)
        #expect(rename(staging + "/moved.txt", h.config.path + "/moved.txt") == 0)  // IN_MOVED_TO

        #expect(eventually { h.files(h.config.done) == ["backlog.txt", "copied.txt", "moved.txt"] })
        #expect(eventually { h.sink.records.count == 4 })
        let headlines = h.sink.lines.compactMap { try? JSONDecoder().decode(Item.self, from: Data($0.utf8)).headline }
        #expect(Set(headlines) == ["old one", "old two", "copied story", "moved story"])
        #expect(h.files(h.config.path).isEmpty)
        h.source.stop()
    }

    @Test func temporaryNamesWaitUntilRenamed() throws {
        let h = try Harness()
        defer { h.remove() }
        try h.source.start()
        try h.write("story.txt.part", "half")
        try h.write(".hidden", "secret")
        try h.write("story.txt.tmp", "half")
        usleep(300_000)
        #expect(h.sink.records.isEmpty)
        #expect(rename(h.config.path + "/story.txt.part", h.config.path + "/story.txt") == 0)
        #expect(eventually { h.files(h.config.done) == ["story.txt"] })
        #expect(h.files(h.config.path) == [".hidden", "story.txt.tmp"])
        h.source.stop()
    }

    @Test func aFileStillOpenForWritingIsNotReadEarly() throws {
        let h = try Harness()
        defer { h.remove() }
        try FileManager.default.createDirectory(atPath: h.config.path, withIntermediateDirectories: true)
        let path = h.config.path + "/slow.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("first line\n".utf8)))
        let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try writer.seekToEnd()
        try h.source.start()  // the startup scan sees the file while the writer holds it
        usleep(400_000)
        #expect(h.sink.records.isEmpty, "read while a writer still had it open")
        try writer.write(contentsOf: Data("second line\n".utf8))
        try writer.close()
        #expect(eventually { h.files(h.config.done) == ["slow.txt"] })
        #expect(eventually { h.sink.records.count == 2 })
        h.source.stop()
    }

    @Test func junkEmptyAndOversizedFilesGoToFailedWithTheirReason() throws {
        let h = try Harness()
        defer { h.remove() }
        try h.source.start()
        try Data([0x7F, 0x45, 0x00, 0x01]).write(to: URL(fileURLWithPath: h.config.path + "/junk.bin"))
        try h.write("empty.txt", "")
        try h.write("huge.txt", String(repeating: "x", count: 2000))
        try h.write("good.txt", "fine")
        #expect(eventually {
            h.files(h.config.failed) == ["empty.txt", "empty.txt.error.json", "huge.txt", "huge.txt.error.json",
                                         "junk.bin", "junk.bin.error.json"]
        })
        #expect(eventually { h.files(h.config.done) == ["good.txt"] })
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: h.config.failed + "/junk.bin.error.json")))
                as? [String: Any])
        #expect(report["reason"] as? String == "binary")
        #expect(report["file"] as? String == "junk.bin")
        let huge = try String(contentsOfFile: h.config.failed + "/huge.txt.error.json", encoding: .utf8)
        #expect(huge.contains("too-large"))
        h.source.stop()
    }

    @Test func restartDoesNotReprocessAFileAlreadyDone() throws {
        let first = try Harness()
        defer { first.remove() }
        try first.source.start()
        try first.write("story.txt", "only once")
        #expect(eventually { first.files(first.config.done) == ["story.txt"] })
        first.source.stop()

        // A crash after the items were durable but before the move: the same bytes are back in the inbox.
        try first.write("story.txt", "only once")
        let second = try Harness(root: first.root)
        try second.source.start()
        #expect(eventually { second.files(second.config.done) == ["story.txt", "story.txt.1"] })
        usleep(200_000)
        #expect(second.sink.records.isEmpty, "a finished file must not be processed twice")
        second.source.stop()
    }

    @Test func aFailingSinkKeepsTheFileInTheInboxUntilItRecovers() throws {
        let h = try Harness()
        defer { h.remove() }
        h.sink.fail(with: "disk full")
        try h.source.start()
        try h.write("story.txt", "keep me")
        #expect(eventually { h.pipeline.progress.snapshot.inputsFailed >= 1 })
        #expect(h.files(h.config.path) == ["story.txt"])
        #expect(h.files(h.config.done).isEmpty)
        h.sink.fail(with: nil)
        #expect(eventually { h.files(h.config.done) == ["story.txt"] }, "the rescan retries it")
        #expect(h.sink.records.count == 1)
        h.source.stop()
    }
}
