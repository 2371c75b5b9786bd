import Foundation
import Testing
@testable import WireDedupe
import WireGazetteer

/// `SalientTerms` hashes an ASCII name's gazetteer key straight from the text's bytes; these tests hold
/// it to the reference path, which builds every key as a `String`.
@Suite struct SalientTermsKeyHashTests {
    static func sameTerms(_ text: String) -> Bool {
        let hashed = SalientTerms.terms(of: text, hashingKeys: true)
        let built = SalientTerms.terms(of: text, hashingKeys: false)
        return hashed.map(\.term) == built.map(\.term) && hashed.map(\.count) == built.map(\.count)
    }

    @Test func hashedKeysGiveTheTermsOfBuiltKeysOnEveryFixture() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).filter({ $0.hasSuffix(".txt") }) {
            let text = try String(contentsOfFile: Self.fixtures + "/" + name, encoding: .utf8)
            #expect(!SalientTerms.terms(of: text).isEmpty, "\(name) names someone")
            #expect(Self.sameTerms(text), "\(name)")
        }
    }

    /// Multi-word gazetteer names, possessives, initials, acronyms with full stops, hyphens and
    /// non-ASCII words beside ASCII ones: each shape `keyHash` writes differently from a plain word.
    @Test(arguments: [
        "Officials of the Korean Central News Agency's bureau met the North Korean envoy in Pyongyang.",
        "He met N. Korea's leader; the U.S. State Department and the United Nations Security Council said so.",
        "Delegates from São Paulo and Türkiye met Choe Ryong-hae of the Workers' Party in New York City.",
        "The Supreme People's Assembly met. KCNA, the WHO and the AU said little; Kogan & Zomek rose.",
        "Reporters saw the Prime Minister of the United Kingdom in Washington, D.C. on Friday.",
    ])
    func hashedKeysGiveTheTermsOfBuiltKeys(_ text: String) {
        #expect(!SalientTerms.terms(of: text).isEmpty)
        #expect(Self.sameTerms(text))
    }

    @Test func aGazetteerNameIsFoundThroughItsHashedKey() {
        let terms = Set(SalientTerms.terms(of: "Talks opened in New York City on Monday.").map(\.term))
        let entry = Gazetteer.shared.entries(forKey: "new york city").first
        #expect(entry != nil)
        if let entry { #expect(terms.contains(SalientTerms.entityTerm(id: entry.id))) }
    }

    /// A word with a non-ASCII byte is hashed over its folded key, so both spellings meet; an ASCII word
    /// straight from its bytes, as `nameTerm(key:)` hashes it.
    @Test func wordsAreHashedAsTheirKeys() {
        let folded = Set(SalientTerms.terms(of: "Reporters met Søren Kjærgård there.").map(\.term))
        let plain = Set(SalientTerms.terms(of: "Reporters met Soren Kjaergard there.").map(\.term))
        #expect(folded.contains(SalientTerms.nameTerm(key: NameNormalizer.key("Søren Kjærgård"))))
        #expect(plain.contains(SalientTerms.nameTerm(key: "soren kjaergard")))
    }

    @Test func sortedLookupFindsExactlyTheMembers() {
        let sorted: [UInt64] = [3, 9, 27, 81]
        #expect(sorted.allSatisfy { SalientTerms.containsSorted(sorted, $0) })
        #expect(![0, 4, 28, 82].contains { SalientTerms.containsSorted(sorted, $0) })
        #expect(!SalientTerms.containsSorted([UInt64](), 1))
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/dedupe").path
}
