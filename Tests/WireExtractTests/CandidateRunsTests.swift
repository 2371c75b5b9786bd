import Testing
import WireGazetteer
@testable import WireExtract

/// `candidateRuns` skips to capitalised words by a bit per token and only asks the date, connector and
/// trimming rules when a word's classes can make them matter; the runs must be the ones the
/// token-by-token scan found (recorded from it) on text that exercises each rule.
@Suite struct CandidateRunsTests {
    static let cases: [(text: String, runs: [String])] = [
        ("The International Council for the Exploration of the Sea met in Copenhagen on Monday.",
         ["International Council for the Exploration of the Sea", "Copenhagen"]),
        ("In May the Ministry of Energy and Port of Rotterdam Authority spoke. May 3 was calm; March Lee left.",
         ["Ministry of Energy and Port of Rotterdam Authority", "March Lee"]),
        ("Col. Park met Gov. Rhee at Railway Group Co., Ltd. and Vivienne van Dijk of the People's Assembly.",
         ["Col. Park", "Gov. Rhee", "Railway Group Co., Ltd", "Vivienne van Dijk", "People's Assembly"]),
        ("Tarang Capital and Nilgiri Partners, National Banking and Securities Commission, Workers' Party.",
         ["Tarang Capital", "Nilgiri Partners", "National Banking and Securities Commission", "Workers' Party"]),
        ("On Wednesday, THE KCNA said U.S. envoys and N. Korea's Choe Son-hui met.\n\nSeoul Responds\nLater Kim",
         ["THE KCNA", "U.S.", "N. Korea", "Choe Son-hui", "Seoul Responds\nLater Kim"]),
        ("last March Hanoi Vietnamese officials, early May Sept. Ulsan, the Bank of Korea Gov. Rhee Chang-yong",
         ["Hanoi Vietnamese", "Ulsan", "Bank of Korea Gov", "Rhee Chang-yong"]),
        ("Écoles Françaises d'Été and São Paulo's Über Group; iPhone maker Apple. ABC DEF. X",
         ["Écoles Françaises", "Été", "São Paulo", "Über Group", "Apple", "ABC DEF", "X"]),
        ("", []),
        ("no capitals at all here, just words.", []),
    ]

    func runs(_ text: String) -> [String] {
        let tokens = TokenText(text)
        return EntityRecognizer(text: tokens, gazetteer: Gazetteer.shared).candidateRuns().map { tokens.string($0) }
    }

    @Test func runsAreTheTokenByTokenScansRuns() {
        for (text, expected) in Self.cases {
            #expect(runs(text) == expected, "\(text)")
        }
    }

    /// Long texts cross the 64-token blocks of the capitalised-word bits at every offset.
    @Test func runsAcrossBitBlocks() {
        for filler in 0..<70 {
            let text = String(repeating: "word ", count: filler) + "Alpha Beta said Gamma Delta met Epsilon."
            #expect(runs(text) == ["Alpha Beta", "Gamma Delta", "Epsilon"], "\(filler)")
        }
    }
}
