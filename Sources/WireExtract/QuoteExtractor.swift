import WireModel

/// Quotes with their speakers: `"…," Kim said`, `said X`, `X said … "…"`, and "he"/"she" for the
/// person named last before the quote.
struct QuoteExtractor {
    let text: TokenText
    /// Byte offset of each person mention, with the person's name, in text order.
    let people: [(offset: Int, name: String, end: Int)]

    func quotes() -> [Quote] {
        var quotes: [Quote] = []
        let tokens = text.tokens
        var open: Int?
        for index in tokens.indices where !tokens[index].isWord && tokens[index].mark == UInt8(ascii: "\"") {
            guard let start = open else { open = index; continue }
            open = nil
            guard index > start + 1 else { continue }
            var content = text.string((start + 1)..<index)
            while let last = content.last, last == "," || last == " " { content.removeLast() }
            guard !content.isEmpty else { continue }
            quotes.append(Quote(text: content, speaker: speaker(openAt: start, closeAt: index)))
            if tokens[index].flags.contains(.paragraphEnd) { open = nil }
        }
        return quotes
    }

    private func speaker(openAt start: Int, closeAt close: Int) -> String? {
        let sentence = text.sentence(around: close)
        let afterStart = text.tokens[close].end
        let sentenceEnd = text.tokens[sentence.upperBound - 1].end
        // A person named after the quote, in its sentence.
        if let person = people.first(where: { $0.offset >= afterStart && $0.offset < sentenceEnd }) {
            return person.name
        }
        let pronoun = ((close + 1)..<max(close + 1, min(close + 4, sentence.upperBound))).contains { text.isWord($0, "he") || text.isWord($0, "she") }
        let quoteStart = text.tokens[start].start
        let sentenceStart = min(text.tokens[sentence.lowerBound].start, quoteStart)
        if !pronoun, let person = people.last(where: { $0.offset >= sentenceStart && $0.end <= quoteStart }) {
            return person.name
        }
        if pronoun || (min(sentence.lowerBound, start)..<start).contains(where: { text.isWord($0, "he") || text.isWord($0, "she") }) {
            return people.last(where: { $0.end <= quoteStart })?.name
        }
        return nil
    }
}
