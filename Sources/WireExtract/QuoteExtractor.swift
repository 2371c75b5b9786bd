import WireModel

/// Quotes with their speakers: `"…," Kim said`, `said X`, `X said … "…"`, and "he"/"she" for the
/// person named last before the quote.
struct QuoteExtractor {
    let text: TokenText
    /// Byte offset of each person mention, with the person's name, in text order.
    let people: [(offset: Int, name: String, end: Int)]
    /// The indices of the text's quotation-mark tokens, in order (`quotationMarks`).
    let marks: [Int]

    /// The indices of the tokens that are quotation marks, read on the raw token buffer: one load of
    /// each token's flags and mark, the word bit and the mark tested together (a quotation mark is a
    /// punctuation token whose mark is `"`, the tokenizer's stand-in for every double quote).
    static func quotationMarks(_ text: TokenText) -> [Int] {
        text.tokens.withUnsafeBufferPointer { tokens in
            var marks: [Int] = []
            let wordBit = Token.Flags.word.rawValue
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                if token.mark == UInt8(ascii: "\""), token.flags.rawValue & wordBit == 0 {
                    // Room for a story's usual quotes at once, not grown from one by doubling.
                    if marks.isEmpty { marks.reserveCapacity(32) }
                    marks.append(index)
                }
                index += 1
            }
            return marks
        }
    }

    func quotes() -> [Quote] {
        var quotes: [Quote] = []
        let tokens = text.tokens
        var open: Int?
        for index in marks {
            guard let start = open else { open = index; continue }
            open = nil
            guard index > start + 1 else { continue }
            let content = Self.content(text, (start + 1)..<index)
            guard !content.isEmpty else { continue }
            quotes.append(Quote(text: content, speaker: speaker(openAt: start, closeAt: index)))
            if tokens[index].flags.contains(.paragraphEnd) { open = nil }
        }
        return quotes
    }

    /// The text of a token range without the commas and spaces it ends with (`"…,"` before the
    /// speaker). Trimmed on the bytes before the `String` is made: a comma or space after an ASCII
    /// byte is a character of its own. After a non-ASCII byte it could close a cluster with a
    /// prepended mark before it, so that text is trimmed by characters, as `contentByCharacters` does.
    static func content(_ text: TokenText, _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let lower = text.tokens[range.lowerBound].start
        let end = text.tokens[range.upperBound - 1].end
        var upper = end
        while upper > lower, text.bytes[upper - 1] == 0x2C || text.bytes[upper - 1] == 0x20 { upper -= 1 }
        if upper < end, upper > lower, text.bytes[upper - 1] >= 0x80 { return contentByCharacters(text, range) }
        return String(decoding: text.bytes[lower..<upper], as: UTF8.self)
    }

    /// `content` by characters: the range's string with its last character dropped while it is a
    /// comma or a space.
    static func contentByCharacters(_ text: TokenText, _ range: Range<Int>) -> String {
        var content = text.string(range)
        while let last = content.last, last == "," || last == " " { content.removeLast() }
        return content
    }

    private func speaker(openAt start: Int, closeAt close: Int) -> String? {
        let sentence = text.sentence(around: close)
        let afterStart = text.tokens[close].end
        let sentenceEnd = text.tokens[sentence.upperBound - 1].end
        // A person named after the quote, in its sentence.
        let next = firstPerson(atOrAfter: afterStart)
        if next < people.count, people[next].offset < sentenceEnd {
            return people[next].name
        }
        let pronoun = ((close + 1)..<max(close + 1, min(close + 4, sentence.upperBound))).contains { text.isWord($0, "he") || text.isWord($0, "she") }
        let quoteStart = text.tokens[start].start
        let sentenceStart = min(text.tokens[sentence.lowerBound].start, quoteStart)
        // The last person named before the quote (people are in text order and do not overlap).
        let before = firstPerson(atOrAfter: quoteStart) - 1
        if !pronoun, before >= 0, people[before].offset >= sentenceStart, people[before].end <= quoteStart {
            return people[before].name
        }
        if pronoun || (min(sentence.lowerBound, start)..<start).contains(where: { text.isWord($0, "he") || text.isWord($0, "she") }) {
            return before >= 0 && people[before].end <= quoteStart ? people[before].name : nil
        }
        return nil
    }

    /// The index of the first person mention starting at or after a byte offset (binary search).
    private func firstPerson(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = people.count
        while low < high {
            let middle = (low + high) / 2
            if people[middle].offset < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
