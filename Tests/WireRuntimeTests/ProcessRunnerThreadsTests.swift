import Foundation
import Testing
import WireModel
import WireReaders
@testable import WireRuntime

/// `process --threads N`: the same lines in the same order as one thread, every item through every
/// stage once, and `dedupe` deciding as it does when it sees items in input order.
@Suite struct ProcessRunnerThreadsTests {
    /// A folder of wire files from Fixtures/dedupe, each story several times over, so that later copies
    /// are duplicates of earlier ones whichever thread reads them.
    static func makeInbox() throws -> (folder: String, files: [String]) {
        let fixtures = ConfigTestSupport.repositoryRoot + "/Fixtures/dedupe"
        let stories = try FileManager.default.contentsOfDirectory(atPath: fixtures).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(stories.count >= 2)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("process-threads-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [String] = []
        for round in 0..<3 {
            for (index, story) in stories.enumerated() {
                let path = folder + String(format: "/%02d-%02d.txt", round, index)
                try FileManager.default.copyItem(atPath: fixtures + "/" + story, toPath: path)
                files.append(path)
            }
        }
        return (folder, files)
    }

    static func run(_ files: [String], threads: Int) -> (lines: [String], summary: ProcessRunner.Summary) {
        let stages: [any Stage] = [CleanStage(), DedupeStage(config: DedupeStageConfig(window: .seconds(8760 * 3600)),
                                                             store: nil), ExtractStage(), EnrichStage()]
        let reader = InputReader()
        let runner = ProcessRunner(
            stages: stages, read: { bytes, context throws(UnreadableInput) in try reader.read(bytes, context: context) },
            node: "test-node")
        var lines: [String] = []
        let summary = runner.run(files: files, threads: threads, emit: { item in
            var item = item
            item.receivedAt = "fixed"  // the one field that is the clock's, not the input's
            lines.append(String(decoding: item.ndjsonLine(), as: UTF8.self))
        }, deadLetter: { _ in })
        return (lines, summary)
    }

    @Test(arguments: [2, 3])
    func sameLinesInTheSameOrderAsOneThread(threads: Int) throws {
        let inbox = try Self.makeInbox()
        defer { try? FileManager.default.removeItem(atPath: inbox.folder) }
        let one = Self.run(inbox.files, threads: 1)
        let many = Self.run(inbox.files, threads: threads)
        #expect(one.summary == many.summary)
        #expect(one.lines.count == inbox.files.count)
        #expect(many.lines == one.lines)
        // The copies after the first round were all seen before: dedupe ran in input order.
        let statuses = many.lines.compactMap { line -> String? in
            guard let range = line.range(of: "\"status\":\"") else { return nil }
            return String(line[range.upperBound...].prefix(while: { $0 != "\"" }))
        }
        #expect(statuses.count == inbox.files.count)
        #expect(statuses.suffix(inbox.files.count / 3 * 2).allSatisfy { $0 == "duplicate" })
    }

    @Test func stagesAreCutIntoConcurrentAndInOrderRuns() {
        let segments = StageSegment.split([CleanStage(), DedupeStage(config: DedupeStageConfig(window: .seconds(3600)),
                                                                    store: nil), ExtractStage(), EnrichStage()])
        #expect(segments.map(\.concurrent) == [true, false, true])
        #expect(segments.map { $0.pipeline.stages.map(\.name) } == [["clean"], ["dedupe"], ["extract", "enrich"]])
    }

    @Test func parallelMapKeepsIndexOrder() {
        let values = ParallelMap.map(1000, threads: 4) { $0 * 2 }
        #expect(values == (0..<1000).map { $0 * 2 })
    }
}
