import Testing
import WireDedupe

@Suite struct TextFingerprintTests {
    static let story = """
        The harbour board approved a new pilot boat on Tuesday, its chair said, after two years of \
        delays caused by a dispute over the shipyard's contract and the cost of the engines.
        """

    @Test func caseSpacingAndPunctuationDoNotChangeTheHash() {
        let reflowed = "THE  harbour board approved\na new pilot boat on Tuesday -- its chair said; after two years of "
            + "delays, caused by a dispute over the shipyard’s contract and the cost of the engines!!"
        #expect(TextFingerprint(text: Self.story).bodyHash == TextFingerprint(text: reflowed).bodyHash)
    }

    @Test func aChangedWordChangesTheHash() {
        let edited = Self.story.replacingOccurrences(of: "two years", with: "three years")
        #expect(TextFingerprint(text: Self.story).bodyHash != TextFingerprint(text: edited).bodyHash)
    }

    @Test func accentedWordsAreWordsAndFoldCase() {
        #expect(WordHasher.wordHashes("Bogotá and Reykjavík").count == 3)
        #expect(WordHasher.wordHashes("BOGOTÁ") == WordHasher.wordHashes("bogotá"))
        #expect(WordHasher.wordHashes("Ölfus") != WordHasher.wordHashes("Olfus"))
    }

    @Test func shortTextsGetNoSignature() {
        #expect(TextFingerprint(text: "Markets closed higher.").signature == nil)
        #expect(TextFingerprint(text: Self.story).signature != nil)
    }

    @Test func signatureSimilarityTracksShingleOverlap() throws {
        let words = (0..<400).map { "w\($0 * 7919 % 1000)" }
        let original = words.joined(separator: " ")
        var edited = words
        for index in stride(from: 0, to: 400, by: 40) { edited[index] = "changed\(index)" }
        let a = try #require(TextFingerprint(text: original).signature)
        let b = try #require(TextFingerprint(text: edited.joined(separator: " ")).signature)
        let unrelated = try #require(TextFingerprint(text: (0..<400).map { "x\($0)" }.joined(separator: " ")).signature)
        // 10 edits over 400 words leave about 350 of 396 shingles shared: Jaccard ≈ 0.78.
        #expect(abs(a.estimatedJaccard(b) - 0.78) < 0.15)
        #expect(a.estimatedJaccard(unrelated) < 0.1)
        #expect(a.estimatedJaccard(a) == 1)
    }
}
