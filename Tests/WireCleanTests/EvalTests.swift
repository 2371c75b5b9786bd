import Foundation
import Testing
import WireClean
import WireModel

/// Scores `clean` on the labelled corpus (`make eval` prints the table): line-level furniture F1 must
/// reach 0.98 and no story line may be lost.
@Suite("Eval: clean on the labelled corpus")
struct EvalCleanTests {
    @Test("furniture F1 ≥ 0.98 and no story line lost")
    func furnitureRemoval() throws {
        let stories = try EvalCorpus.load()
        #expect(stories.count >= 30, "the corpus holds at least 30 stories")
        let cleaner = StoryCleaner()
        var total = FurnitureScore(truePositives: 0, falsePositives: 0, falseNegatives: 0, kindMismatches: 0,
                                   lostStoryLines: [], missed: [], spurious: [])
        var lines = ["", "clean: furniture removal per story", pad("story", 34) + "  tp  fp  fn  kind≠  lost"]
        for story in stories {
            var item = story.item
            cleaner.clean(&item)
            let score = FurnitureScore(cleaned: item, label: story.label)
            total = total + score
            lines.append(pad(story.name, 34) + String(format: "%4d%4d%4d%7d%6d", score.truePositives, score.falsePositives,
                                                      score.falseNegatives, score.kindMismatches, score.lostStoryLines.count))
            for missed in score.missed { lines.append("    missed   \(missed)") }
            for spurious in score.spurious { lines.append("    spurious \(spurious)") }
            for lost in score.lostStoryLines { lines.append("    LOST     \(lost)") }
        }
        lines.append(String(format: "TOTAL %d stories: precision %.3f  recall %.3f  F1 %.3f  kind mismatches %d  story lines lost %d",
                            stories.count, total.precision, total.recall, total.f1, total.kindMismatches, total.lostStoryLines.count))
        print(lines.joined(separator: "\n"))
        #expect(total.lostStoryLines.isEmpty, "story lines lost: \(total.lostStoryLines)")
        #expect(total.f1 >= 0.98)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}
