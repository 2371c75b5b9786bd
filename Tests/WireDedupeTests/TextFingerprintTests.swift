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

    /// Hashes are stored in the state and written as `dedupe.hash`, so they must never change with
    /// the code computing them. Values from an independent reimplementation of FNV-1a, SplitMix64's
    /// finaliser, the sequence chain and one-permutation MinHash (Python, written for this test).
    @Test func hashesKeepTheirPinnedValues() throws {
        let fingerprint = TextFingerprint(text: Self.story)
        #expect(fingerprint.wordCount == 33)
        #expect(fingerprint.bodyHashHex == "bc524cfb14614046")
        let signature = try #require(fingerprint.signature)
        #expect(signature.hex == "5002d06be63f36149e2d68edc1be7072d09a4b9755ec6e39e0ab66a49dbddb98"
            + "da477bba6255407c9f2f6ae8d64718e9fdada2c77bad2fb39484d9f9d4acf464")
    }

    /// ASCII text takes its own branch-free path; one non-ASCII word sends the whole text down the
    /// scalar path, so the two can be compared on the same ASCII words.
    @Test func asciiPathHashesLikeTheScalarPath() {
        var random = TestRandom(state: 7)
        let alphabet = Array("abcXYZ019 .,;:-'\"\n\t()/_@#".utf8)
        var texts = ["", " ", "a", "A.", ".a", "word", "two words", "  lead and trail  ", String(repeating: "x", count: 300)]
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 64, 333, 1000, 4096] {
            for _ in 0..<6 {
                texts.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
            }
        }
        for text in texts {
            let scalarPath = WordHasher.wordHashes(text + " \u{E9}")
            #expect(WordHasher.wordHashes(text) == Array(scalarPath.dropLast()), "\(text.debugDescription)")
        }
    }

    /// The fingerprint walks the words once for the body hash and the signature; it must equal the
    /// separate reference functions, for texts whose shingles leave bins empty and texts that fill all.
    @Test func oneWalkFingerprintEqualsTheReferenceFunctions() {
        var random = TestRandom(state: 11)
        for count in [12, 13, 20, 40, 64, 100, 250, 600, 2000] {
            for repeats in [false, true] {
                // Repeated words make equal shingles and bins with ties.
                let words = (0..<count).map { _ in repeats ? random.next() % 5 : random.next() }
                let fingerprint = TextFingerprint(words: words)
                #expect(fingerprint.bodyHash == WordHasher.sequenceHash(words))
                let reference = MinHashSignature(shingles: WordHasher.shingleHashes(words, length: TextFingerprint.shingleLength))
                #expect(fingerprint.signature == reference, "\(count) words")
            }
        }
    }
}

/// SplitMix64, so the generated test inputs are the same in every run.
private struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return WordHasher.mix(state)
    }
}
