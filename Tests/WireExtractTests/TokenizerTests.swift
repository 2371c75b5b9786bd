import Testing
@testable import WireExtract

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
}
