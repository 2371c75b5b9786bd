import Foundation
import Testing
@testable import WireEnrich

/// The byte paths of place scanning and topic words must give what the `Character`-based references give.
@Suite struct EnrichFastPathTests {
    static let samples: [String] = EnrichFastSplitTests.samples + [
        "PYONGYANG, North Korea — The Republic of Korea and the Democratic People's Republic of Korea met in Geneva.",
        "Bosnia and Herzegovina, Guinea-Bissau and Timor-Leste joined the U.N. talks; U.S. and UK envoys stayed.",
        "The Gambia's president visited The Hague, Kyiv and Kiev. South Koreans and North Korean troops.",
        "SÃO PAULO, Brazil (Reuters) — Türkiye, Côte d’Ivoire and São Tomé and Príncipe sent delegations.",
        "Éire and Zürich: A\u{345}ustria and E\u{301}gypt, Kelvin \u{212A}orea, \u{130}stanbul and Turkey’s İzmir.",
        "Moscow\r\nBeijing and\r\nTokyo, Japan. Seoul's mayor met Tokyo's governor in New York City.",
        "of and the Of And The — Republic Of Korea, republic of Korea, REPUBLIC OF KOREA",
        "China-DPRK ties; Russia–Ukraine war; Israel/Gaza; Iran's and Iraq's oil; EU-China trade",
    ]

    @Test func countryCodesMatchReference() {
        let scanner = PlaceScanner(gazetteer: .shared)
        var found = 0
        for text in Self.samples {
            let expected = scanner.referenceCountryCodes(in: Substring(text))
            #expect(scanner.countryCodes(in: Substring(text)) == expected, "\(text)")
            found += expected.count
        }
        #expect(found > 20)
    }

    @Test func topicWordsMatchReference() {
        let extra = ["Korea's CEO’s talks", "'s 's's S'S", "ÇA İSTANBUL \u{212A}ELVIN Σ ΣΑΣ ǅ", "farmers' FARMERS'", "x'S", ""]
        for text in Self.samples + extra {
            let words = TopicWords(text)
            let cut = (0..<words.count).map { String(decoding: words.word($0), as: UTF8.self) }
            #expect(cut == TopicText.words(text).map(String.init), "\(text)")
            #expect((0..<words.count).allSatisfy { words.hashes[$0] == TopicWords.hash(words.word($0)) })
        }
    }

    /// `TopicWords` assumes only U+0130 and U+212A lower-case to anything holding ASCII.
    @Test func onlyTwoNonASCIIScalarsLowerCaseToASCII() {
        var found: [UInt32: String] = [:]
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lower = scalar.properties.lowercaseMapping
            if lower.utf8.contains(where: { $0 < 0x80 }) { found[value] = lower }
        }
        #expect(found == [0x130: "i\u{307}", 0x212A: "k"])
    }

    /// "central bank" and "interest rates" are two-word rules: only phrase matching finds monetary policy.
    @Test func phrasesScoreTheirCodes() {
        let classifier = TopicClassifier()
        let topics = classifier.topics(
            headline: "Earthquake hits coastal town as central bank holds interest rates",
            paragraphs: ["The earthquake killed 12 people; rescuers searched.", "Farmers' harvest and the central bank's rate cut."],
            entities: nil, countries: [])
        #expect(topics.first?.code == "medtop:04000000")
        #expect(topics.contains { $0.code == "medtop:20000350" })
    }

    @Test func canonicalizerByteHelpersMatchFoundation() {
        for key in ["korean central news agency", "kim", "", "a  b", "türkiye ministry", "x \u{301}y", "naïve café"] {
            let expected = key.isEmpty ? nil : "org:" + key.replacingOccurrences(of: " ", with: "-")
            #expect(EntityCanonicalizer.hyphenated("org:", key) == expected, "\(key)")
        }
        for name in ["Kim Jong Un", "Zhao", "Lee\tSung", "Müller Hans", "Müller", " ", ""] {
            #expect(EntityCanonicalizer.containsSpace(name) == name.contains(" "), "\(name)")
        }
    }

    @Test func canonicalizerTrimAndAcronymMatchCharacterVersions() {
        let names = ["KCNA", "U.N.", "K", "K.", "Kcna", "US-ROK", "ÉU", "ÉTA", "N.K.", ". Lee Sung-jun", "Lee,", "...", "",
                     "(AP) Kim Jong Un.", "Zürich!", "e\u{301}tude.", "12 Cos.", "A\u{345}B", "\r\nAB\r\n"]
        for name in names {
            let kept = name.drop { !($0.isLetter || $0.isNumber) }
            let trimmed = kept.lastIndex(where: { $0.isLetter || $0.isNumber }).map { String(kept[...$0]) } ?? ""
            #expect(EntityCanonicalizer.trimmed(name) == trimmed, "\(name)")
            let letters = name.filter { $0 != "." }
            let acronym = letters.count >= 2 && letters.allSatisfy({ $0.isUppercase }) ? letters : nil
            #expect(EntityCanonicalizer.acronymLetters(name) == acronym, "\(name)")
        }
    }
}
