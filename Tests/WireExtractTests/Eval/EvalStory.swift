import Foundation
import WireModel
import WireReaders

/// One labelled story of the evaluation corpus (`Fixtures/eval/stories/NN-name.expected.json`).
struct EvalStory: Decodable {
    struct LabelledDateline: Decodable {
        var place: String?
        var date: String?
    }

    struct LabelledEntities: Decodable {
        var people: [String]
        var places: [String]
        var organisations: [String]
    }

    var name = ""
    var headline: String?
    var agency: String?
    var dateline: LabelledDateline?
    var publishedAt: String?
    var byline: String?
    var furniture: [Furniture]
    var storyLines: [String]
    var entities: LabelledEntities
    var dates: [DateMention]

    enum CodingKeys: String, CodingKey {
        case headline, agency, dateline, byline, furniture, entities, dates
        case publishedAt = "published_at"
        case storyLines = "story_lines"
    }

    /// The story's source file (`.txt` or `.html`) beside its labels.
    var sourcePath: String?

    /// The item as `clean` hands it over: what the reader made of the source file (its metadata, such
    /// as an HTML page's publication time), with the labelled story lines as body and the labelled
    /// furniture recorded — the clean stage's output, until that stage is merged.
    func cleanedItem(receivedAt: String) -> Item {
        var item = readItem(receivedAt: receivedAt)
        item.body = storyLines.joined(separator: "\n\n")
        item.contentHTML = nil
        item.furniture = furniture
        return item
    }

    /// The item the reader makes of the story's source file, as the pipeline gets it.
    func readItem(receivedAt: String) -> Item {
        let source = ItemSource(type: "file", name: "eval", path: name)
        if let sourcePath, let data = FileManager.default.contents(atPath: sourcePath),
           let read = try? InputReader().read(Array(data), context: ReadContext(source: source, receivedAt: receivedAt)),
           let first = read.items.first {
            return first
        }
        return Item(source: source, format: .text, receivedAt: receivedAt)
    }

    /// The corpus folder: this repository's, else the clean worktree's while it is being written.
    static func corpusDirectory() -> URL? {
        let here = URL(fileURLWithPath: #filePath)
        let repo = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repo.appendingPathComponent("Fixtures/eval/stories"), URL(fileURLWithPath: "/work/wt-clean/Fixtures/eval/stories")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func load() -> [EvalStory] {
        guard let directory = corpusDirectory(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  var story = try? JSONDecoder().decode(EvalStory.self, from: data) else { return nil }
            story.name = String(name.dropLast(".expected.json".count))
            story.sourcePath = ["txt", "html"].map { directory.appendingPathComponent("\(story.name).\($0)").path }
                .first { FileManager.default.fileExists(atPath: $0) }
            return story
        }
    }
}
