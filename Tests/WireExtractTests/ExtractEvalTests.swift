import Foundation
import Testing
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
        #expect(score.f1(EvalScore.kinds) >= 0.80)
    }
}
