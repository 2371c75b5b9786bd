import Foundation
import Testing
import WireDedupe
import WireGazetteer

/// Story clusters on the project's fixtures: other agencies' tellings join, other events do not.
@Suite struct StoryClusterTests {
    @Test func namesInsideASentenceAndInRunsAreTermsButSentenceStartsAndCapitalsAreNot() {
        let titled = SalientTerms.terms(of: "The council met. Mayor Odile Franssen said the bridge will close.").map(\.term)
        let bare = SalientTerms.terms(of: "Reporters heard Odile Franssen speak in the morning.").map(\.term)
        #expect(Set(titled).intersection(bare) == [SalientTerms.nameTerm(key: "odile franssen")], "the name without its title")
        #expect(titled.count == 1, "a name's words count alone only when the text uses them alone")
        #expect(SalientTerms.terms(of: "On Friday, in May, the No. 3 man spoke.").isEmpty, "dates are no names")
        #expect(SalientTerms.terms(of: "The council met. Then it rained.").isEmpty)
        #expect(SalientTerms.terms(of: "KESTRELMOUTH -- rain fell").isEmpty)
        let firm = SalientTerms.terms(of: "shares of Kogan & Zomek Capital rose").map(\.term)
        #expect(firm.contains(SalientTerms.nameTerm(key: "kogan zomek capital")), "the whole name, & left out as the key leaves it")
        #expect(!firm.contains(SalientTerms.nameTerm(key: "zomek")), "never used alone")
        let counted = SalientTerms.terms(of: "Reporters met Halvard Ness. Officials said Ness would speak; Ness did.")
        #expect(counted.first?.count == 3, "the most used name comes first")
    }

    /// The shared gazetteer's canonical keys: spellings, acronyms, places and demonyms meet.
    @Test func twoAgenciesSpellingsOfOneNameMeet() throws {
        func terms(_ text: String) -> Set<UInt32> { Set(SalientTerms.terms(of: text).map(\.term)) }
        let choe = SalientTerms.nameTerm(key: "choe ryong hae")
        #expect(terms("Officials said Choe Ryong-hae attended.").contains(choe))
        #expect(terms("Officials said Chairman Choe Ryong Hae attended.").contains(choe))
        #expect(terms("Reporters saw Choe there.").contains(SalientTerms.nameTerm(key: "choe")), "a bare surname still meets the full name")
        let kcna = try #require(Gazetteer.shared.first("KCNA", kind: .agency))
        #expect(terms("the banquet was held, KCNA said.").contains(SalientTerms.entityTerm(id: kcna.id)))
        #expect(terms("the official Korean Central News Agency said.").contains(SalientTerms.entityTerm(id: kcna.id)))
        let northKorea = SalientTerms.entityTerm(id: "iso3166:KP")
        for text in ["Zhao arrived in Pyongyang on Thursday.", "He met the North Korean leader.", "He met N. Korea's leader."] {
            #expect(terms(text).contains(northKorea), "\(text)")
        }
        #expect(!terms("Officials said Choe Ryong-hae attended.").contains(SalientTerms.nameTerm(key: "officials")), "a sentence's first word is no name")
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

    /// Two agencies' own words on one event (spelling "Tran Duc-minh" / "Tran Duc Minh", "VNA" / "the
    /// Vietnam News Agency") join; another event in the same country, with the same prime minister, does not.
    @Test func anotherAgencysSpellingOfTheSameEventJoinsAndAnotherEventInThatCountryDoesNot() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        var stories = StoryClusterIndex()
        _ = try Self.decide("bridge-original.txt", engine: &engine, stories: &stories, at: 500)
        let (first, firstStory) = try Self.decide("dam-pact-agency-a.txt", engine: &engine, stories: &stories, at: 1000)
        #expect(firstStory == first.record.sequence)
        let (floods, floodsStory) = try Self.decide("laos-floods-other-event.txt", engine: &engine, stories: &stories, at: 1500)
        #expect(floods.status == .unique)
        #expect(floodsStory == floods.record.sequence, "one country, another event")
        let (second, secondStory) = try Self.decide("dam-pact-agency-b.txt", engine: &engine, stories: &stories, at: 2000)
        #expect(second.status == .unique, "one story, two items")
        #expect(secondStory == firstStory)
    }

    /// Several earlier items score exactly alike: the earliest one's story wins in every run, not the one
    /// the dictionary's per-process hash order happens to visit last.
    @Test func equalScoresGoToTheEarliestItem() {
        var stories = StoryClusterIndex()
        let terms: [UInt32] = [0x100, 0x200, 0x300, 0x400].map { $0 << 2 }
        for sequence in UInt32(1)...8 {
            stories.insert(sequence: sequence, story: sequence, terms: terms, time: 1000 + Int64(sequence))
        }
        let match = stories.story(terms: terms, time: 2000)
        #expect(match?.story == 1)
    }

    @Test func aTellingOutsideTheStoryWindowStartsANewStory() throws {
        var engine = DedupeEngine(window: nil, maxItems: nil)
        var stories = StoryClusterIndex(window: 3600)
        _ = try Self.decide("bridge-original.txt", engine: &engine, stories: &stories, at: 0)
        let (late, lateStory) = try Self.decide("bridge-rewrite-other-agency.txt", engine: &engine, stories: &stories, at: 10 * 3600)
        #expect(lateStory == late.record.sequence)
    }

    /// The two seed stories in the shared folder (one event, two agencies): one story, two items.
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
        #expect(results[1].1 == results[0].1)
    }

    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds").path
}
