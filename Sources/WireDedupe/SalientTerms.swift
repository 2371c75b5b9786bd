/// Name-like terms of a text (people, organisations, places), as 32-bit hashes, for story clustering.
///
/// A stand-in until the shared name normaliser of `extract`/`enrich` lands: it reads capitalised
/// word runs ("Odile Franssen", "Kestrel Quay Holdings") and capitalised words inside a sentence,
/// and emits each run's words and adjacent pairs, lower-cased, so that "Mayor Odile Franssen" and
/// "Odile Franssen" still share terms. Words in capitals (datelines, acronyms) and a sentence's first
/// word are not names by themselves. Swap `terms(of:)` for the shared normaliser's canonical ids
/// without touching the clustering.
public enum SalientTerms {
    /// At most this many terms per text are kept: those the text uses most and the corpus least.
    public static let maximumTerms = 24

    /// Each distinct term with how often the text uses it, most used first (ties by term).
    public static func terms(of text: String) -> [(term: UInt32, count: Int)] {
        var text = text
        var all = text.withUTF8 { collect(Array($0)) }
        all.sort()
        var counted: [(term: UInt32, count: Int)] = []
        for term in all {
            if term == counted.last?.term { counted[counted.count - 1].count += 1 } else { counted.append((term, 1)) }
        }
        return counted.sorted { ($0.count, $1.term) > ($1.count, $0.term) }
    }

    private struct Word {
        var hash: UInt64
        var capitalised: Bool
        var sentenceStart: Bool
        /// Only a space between this word and the previous one.
        var joinedToPrevious: Bool
        var connector: Bool
    }

    private static func collect(_ bytes: [UInt8]) -> [UInt32] {
        let words = split(bytes)
        var terms: [UInt32] = []
        var run: [Word] = []
        func flush() {
            while let last = run.last, last.connector { run.removeLast() }
            if run.count == 1, !run[0].sentenceStart {
                terms.append(term(run[0].hash))
            } else if run.count > 1 {
                for (index, word) in run.enumerated() where !word.connector {
                    if index > 0 || !word.sentenceStart { terms.append(term(word.hash)) }
                    if index > 0 { terms.append(term(WordHasher.mix(run[index - 1].hash &* 31 ^ word.hash))) }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for word in words {
            if word.capitalised, run.isEmpty || word.joinedToPrevious {
                run.append(word)
            } else if word.connector, !run.isEmpty, word.joinedToPrevious {
                run.append(word)
            } else {
                flush()
                if word.capitalised { run.append(word) }
            }
        }
        flush()
        return terms
    }

    @inline(__always)
    private static func term(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

    /// Lower-case words that may sit inside a name ("Federation of Allied Shippers", "Kogan & Zomek").
    private static let connectors: [[UInt8]] = [Array("of".utf8), Array("&".utf8), Array("de".utf8), Array("al".utf8)]

    /// Words (letters, digits, apostrophes, hyphens; any non-ASCII byte counts as a letter) with what
    /// the name reader needs to know about each.
    private static func split(_ bytes: [UInt8]) -> [Word] {
        var words: [Word] = []
        var index = 0
        var sentenceStart = true
        var onlySpaceSince = false
        while index < bytes.count {
            let byte = bytes[index]
            guard isWordByte(byte) || byte == UInt8(ascii: "&") else {
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                    || byte == 0x0A || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(")
                    || byte == UInt8(ascii: "-")
                {
                    sentenceStart = true
                }
                if byte != UInt8(ascii: " ") { onlySpaceSince = false }
                index += 1
                continue
            }
            let start = index
            if byte == UInt8(ascii: "&") {
                index += 1
            } else {
                while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "'") { index += 1 }
            }
            let slice = bytes[start..<index]
            let first = bytes[start]
            let upper = first >= 0x41 && first <= 0x5A
            let allCaps = slice.count > 1 && !slice.contains { $0 >= 0x61 && $0 <= 0x7A }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in slice {
                let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
            }
            hash = WordHasher.mix(hash)
            let connector = connectors.contains { slice.elementsEqual($0) }
            words.append(Word(
                hash: hash, capitalised: upper && !allCaps, sentenceStart: sentenceStart,
                joinedToPrevious: onlySpaceSince, connector: connector && !upper))
            sentenceStart = false
            onlySpaceSince = true
        }
        return words
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
