import Foundation
import Testing
import WireDedupe

/// Story clusters on the project's fixtures: other agencies' tellings join, other events do not.
@Suite struct StoryClusterTests {
    @Test func namesInsideASentenceAndInRunsAreTermsButSentenceStartsAndCapitalsAreNot() {
        let titled = SalientTerms.terms(of: "The council met. Mayor Odile Franssen said the bridge will close.").map(\.term)
        let bare = SalientTerms.terms(of: "Reporters heard Odile Franssen speak in the morning.").map(\.term)
        #expect(Set(titled).intersection(bare).count == 3, "odile, franssen and the pair")
        #expect(SalientTerms.terms(of: "The council met. Then it rained.").isEmpty)
        #expect(SalientTerms.terms(of: "KESTRELMOUTH -- rain fell").isEmpty)
        #expect(SalientTerms.terms(of: "shares of Kogan & Zomek Capital rose").count >= 5)
        let counted = SalientTerms.terms(of: "Reporters met Halvard Ness. Officials said Ness would speak; Ness did.")
        #expect(counted.first?.count == 3, "the most used name comes first")
    }

    static func decide(_ name: String, engine: inout DedupeEngine, stories: inout StoryClusterIndex, at time: Int64) throws -> (DedupeDecision, UInt32) {
        let text = try DedupeEngineTests.fixture(name)
        let decision = engine.decide(DedupeInput(fingerprint: TextFingerprint(text: text), eventTime: time))
        let story = stories.assign(decision, matchedStory: nil, names: SalientTerms.terms(of: text), index: engine.index)
        return (decision, story.story)
    }

    @Test func anotherAgencysTellingJoinsTheStoryAndOtherEventsInTheSameCityDoNot() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        var stories = StoryClusterIndex()
        let (original, originalStory) = try Self.decide("bridge-original.txt", engine: &engine, stories: &stories, at: 1000)
        #expect(originalStory == original.record.sequence, "the first telling starts the story")
        let (festival, festivalStory) = try Self.decide("kestrelmouth-festival.txt", engine: &engine, stories: &stories, at: 1500)
        #expect(festivalStory == festival.record.sequence, "same city, another event")
        let (ferry, ferryStory) = try Self.decide("ferry-unrelated.txt", engine: &engine, stories: &stories, at: 1800)
        #expect(ferryStory == ferry.record.sequence)
        let (rewrite, rewriteStory) = try Self.decide("bridge-rewrite-other-agency.txt", engine: &engine, stories: &stories, at: 2000)
        #expect(rewrite.status == .unique, "one story, two items")
        #expect(rewriteStory == originalStory)
    }

    @Test func aTellingOutsideTheStoryWindowStartsANewStory() throws {
        var engine = DedupeEngine(window: nil, maxItems: nil)
        var stories = StoryClusterIndex(window: 3600)
        _ = try Self.decide("bridge-original.txt", engine: &engine, stories: &stories, at: 0)
        let (late, lateStory) = try Self.decide("bridge-rewrite-other-agency.txt", engine: &engine, stories: &stories, at: 10 * 3600)
        #expect(lateStory == late.record.sequence)
    }

    /// The two seed stories in the shared folder (one event, two agencies): one story, two items.
    /// Not reached yet by the stand-in name reader; see the known issue below.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsFolder), "needs ../shared/seeds beside the repository"))
    func theSharedSeedsFormOneStory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seedsFolder).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(names.count == 2)
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        var stories = StoryClusterIndex()
        var results: [(DedupeDecision, UInt32)] = []
        for name in names {
            let text = try String(contentsOfFile: Self.seedsFolder + "/" + name, encoding: .utf8)
            let decision = engine.decide(DedupeInput(fingerprint: TextFingerprint(text: text), eventTime: 0))
            results.append((decision, stories.assign(decision, matchedStory: nil, names: SalientTerms.terms(of: text), index: engine.index).story))
        }
        #expect(results.allSatisfy { $0.0.status == .unique })
        // Known gap: capitalised-word names share 6 of 24 terms between the seeds (score 0.25, the bar
        // is 0.6, tuned on the generated corpus). Canonical entities from the shared name normaliser
        // (extract/enrich) are what should join them; until then this records the gap, not a pass.
        withKnownIssue("seed stories need canonical entity names to join") {
            #expect(results[1].1 == results[0].1)
        }
    }

    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds").path
}
