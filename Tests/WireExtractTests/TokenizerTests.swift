import Testing
@testable import WireExtract
import WireGazetteer

@Suite struct TokenizerTests {
    func words(_ text: String) -> [String] {
        let tokenized = TokenText(text)
        return tokenized.tokens.indices.map { tokenized.string($0) }
    }

    @Test func namesAbbreviationsAndPossessives() {
        #expect(words("N. Korea's Choe Son-hui met U.S. envoys.") == ["N.", "Korea", "'s", "Choe", "Son-hui", "met", "U.S.", "envoys", "."])
        #expect(words("The Aichi Prefecture-based firm") == ["The", "Aichi", "Prefecture", "-", "based", "firm"])
        #expect(words("“Yes,” she said — 38,000 tons.") == ["“", "Yes", ",", "”", "she", "said", "—", "38,000", "tons", "."])
    }

    @Test func sentenceStartsSkipAbbreviations() {
        let text = TokenText("They met on Oct. 6 in Pyongyang. Kim spoke. Mr. Lee did not.")
        let starts = text.tokens.indices.filter { text.tokens[$0].flags.contains(.sentenceStart) }.map { text.string($0) }
        #expect(starts == ["They", "Kim", "Mr"])
    }

    /// The key hash read from the tokens must be the hash of the key string, for every span, so that
    /// hashed gazetteer lookups find what keyed ones find.
    @Test func keyHashIsTheHashOfTheKey() {
        let text = TokenText("The People's Bank of China and the U.S. Treasury met in Hong Kong; AT&T's Seung-ho said Süd-Korea.")
        for start in text.tokens.indices {
            for end in (start + 1)...min(text.tokens.count, start + 5) {
                let range = start..<end
                if let hash = text.keyHash(range) {
                    #expect(hash == Gazetteer.keyHash(text.key(range).utf8), "\(text.string(range))")
                    #expect(Gazetteer.shared.entries(forKeyHash: hash) == Gazetteer.shared.entries(forKey: text.key(range)))
                } else {
                    #expect(text.bytes[text.tokens[start].start..<text.tokens[end - 1].end].contains { $0 >= 0x80 })
                }
            }
        }
        #expect(Gazetteer.shared.entries(forKeyHash: Gazetteer.keyHash("hong kong".utf8)).isEmpty == false)
    }
}
