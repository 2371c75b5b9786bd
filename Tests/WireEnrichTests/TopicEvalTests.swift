import Foundation
import Testing
import WireEnrich
import WireModel

/// Scores topics on the eval corpus (`Fixtures/eval/topics.json`: the right top-level codes per
/// story) end to end and prints the accuracy; `make eval` runs it.
@Suite struct TopicEvalTests {
    struct Labels: Decodable {
        var stories: [String: [String]]
    }

    @Test func scoresTopLevelTopicsOnTheEvalCorpus() throws {
        let folder = StoryPipeline.repository.appendingPathComponent("Fixtures/eval")
        let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("topics.json").path))
        let labels = try JSONDecoder().decode(Labels.self, from: data)
        let pipeline = StoryPipeline()
        var right = 0
        var strict = 0
        var misses: [String] = []
        for (name, expected) in labels.stories.sorted(by: { $0.key < $1.key }) {
            let path = ["txt", "html"].map { folder.appendingPathComponent("stories/\(name).\($0)").path }
                .first { FileManager.default.fileExists(atPath: $0) }
            let item = try #require(path.flatMap(pipeline.run), "\(name) unreadable")
            let top = item.topics.first.map { MediaTopicTable.shared.topLevel($0.code) ?? "" } ?? ""
            if expected.contains(top) { right += 1 } else { misses.append("\(name): got \(top), want \(expected.joined(separator: "|"))") }
            if expected.first == top { strict += 1 }
        }
        let total = labels.stories.count
        print("topics: top-level correct \(right)/\(total) (\(right * 100 / max(total, 1)) %); first label exactly \(strict)/\(total)")
        if ProcessInfo.processInfo.environment["WIREFEED_EVAL_VERBOSE"] != nil { print(misses.joined(separator: "\n")) }
        #expect(total >= 30)
        #expect(Double(right) / Double(total) >= 0.8, "\(misses)")
    }
}
