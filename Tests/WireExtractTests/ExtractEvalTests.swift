import Foundation
import Testing
import WireClean
import WireModel
@testable import WireExtract

/// Scores `extract` on the labelled corpus (fed the labelled clean output as its input) and prints the
/// table; skipped when no corpus is present.
@Suite struct ExtractEvalTests {
    /// When the corpus's stories are taken to have arrived: the year a dateline without one is read in.
    static let receivedAt = "2026-11-29T00:00:00Z"

    @Test func scoresTheLabelledCorpus() throws {
        let stories = EvalStory.load()
        guard !stories.isEmpty else { return }
        let extractor = StoryExtractor()
        var score = EvalScore()
        for story in stories {
            score.score(story, extractor.extract(story.cleanedItem(receivedAt: Self.receivedAt)))
        }
        print(score.table())
        if ProcessInfo.processInfo.environment["WIREFEED_EVAL_VERBOSE"] != nil {
            print(score.misses.joined(separator: "\n"))
        }
        // The bars where the labels are consistent (entities, headline); floors where some
        // labels disagree with each
        // other (published_at from a dateline date, dates anchored on a caption's year, an invented
        // dateline date, an agency dateline labelled as none): those are reported to the corpus's author,
        // and these floors catch regressions while the corpus grows.
        #expect(score.f1(EvalScore.kinds) >= 0.85)
        #expect(score.percent("headline") >= 97)
        #expect(score.percent("agency") >= 90)
        #expect(score.percent("dateline") >= 90)
        #expect(score.percent("published_at") >= 70)
        #expect(score.datesAccuracy >= 90)
    }

    /// The same corpus end to end: the source file through the reader, `clean`, then `extract`; the
    /// floors are lower, since clean's misses (a furniture line kept, a headline not found) count here.
    @Test func scoresTheCorpusThroughClean() throws {
        let stories = EvalStory.load()
        guard !stories.isEmpty else { return }
        let cleaner = StoryCleaner()
        let extractor = StoryExtractor()
        var score = EvalScore()
        for story in stories {
            var item = story.readItem(receivedAt: Self.receivedAt)
            cleaner.clean(&item)
            score.score(story, extractor.extract(item))
        }
        print("end to end (reader → clean → extract):")
        print(score.table())
        if ProcessInfo.processInfo.environment["WIREFEED_EVAL_VERBOSE"] != nil {
            print(score.misses.joined(separator: "\n"))
        }
        #expect(score.f1(EvalScore.kinds) >= 0.80)
        #expect(score.percent("headline") >= 80)
    }
}
