import Foundation
import WireClean
import WireModel
import WireReaders
import WireText

/// The labelled stories of `Fixtures/eval/stories`, read through the readers as `wirefeed process`
/// reads files, and cleaned.
struct EvalCorpus {
    struct Label: Decodable {
        struct Line: Decodable { var kind: String; var text: String }
        var furniture: [Line]
        var story_lines: [String]
        var captions: [Caption]?
    }

    struct Story {
        var name: String
        var label: Label
        var item: Item
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/eval/stories")

    /// Every story file with its label, read into an item (not yet cleaned).
    static func load() throws -> [Story] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
        return try names.map { name in
            let url = directory.appendingPathComponent(name)
            let stem = (name as NSString).deletingPathExtension
            let labelData = try Data(contentsOf: directory.appendingPathComponent(stem + ".expected.json"))
            let label = try JSONDecoder().decode(Label.self, from: labelData)
            let bytes = [UInt8](try Data(contentsOf: url))
            let context = ReadContext(source: ItemSource(type: "file", name: "eval", path: url.path),
                                      receivedAt: "2024-01-01T00:00:00Z")
            let result = try InputReader().read(bytes, context: context)
            guard let item = result.items.first else { throw EvalError(detail: "\(name): no item") }
            return Story(name: stem, label: label, item: item)
        }
    }

    struct EvalError: Error { var detail: String }
}

/// Line-level furniture scores of one cleaned story, and the story lines it lost.
struct FurnitureScore {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var kindMismatches = 0
    var lostStoryLines: [String] = []
    var missed: [String] = []
    var spurious: [String] = []

    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func + (a: FurnitureScore, b: FurnitureScore) -> FurnitureScore {
        FurnitureScore(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                       falseNegatives: a.falseNegatives + b.falseNegatives, kindMismatches: a.kindMismatches + b.kindMismatches,
                       lostStoryLines: a.lostStoryLines + b.lostStoryLines, missed: a.missed + b.missed, spurious: a.spurious + b.spurious)
    }

    /// Scores a cleaned item against its label: furniture lines match by normalised text; a headline
    /// line the reader already took as the headline counts as removed.
    init(cleaned item: Item, label: EvalCorpus.Label) {
        var predicted = item.furniture.map { (kind: $0.kind, text: TextNormalizer.inline($0.text)) }
        for expected in label.furniture {
            let text = TextNormalizer.inline(expected.text)
            if let index = predicted.firstIndex(where: { $0.text == text }) {
                truePositives += 1
                if predicted[index].kind != expected.kind {
                    kindMismatches += 1
                    missed.append("kind \(expected.kind) given as \(predicted[index].kind): \(text)")
                }
                predicted.remove(at: index)
            } else if expected.kind == "headline", item.headline.map(TextNormalizer.inline) == text {
                truePositives += 1
            } else {
                falseNegatives += 1
                missed.append("\(expected.kind): \(text)")
            }
        }
        falsePositives = predicted.count
        spurious = predicted.map { "\($0.kind): \($0.text)" }
        let paragraphs = Set((item.body ?? "").components(separatedBy: "\n\n"))
        lostStoryLines = label.story_lines.map(TextNormalizer.inline).filter { !paragraphs.contains($0) }
    }

    init(truePositives: Int, falsePositives: Int, falseNegatives: Int, kindMismatches: Int,
         lostStoryLines: [String], missed: [String], spurious: [String]) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.kindMismatches = kindMismatches
        self.lostStoryLines = lostStoryLines
        self.missed = missed
        self.spurious = spurious
    }
}
