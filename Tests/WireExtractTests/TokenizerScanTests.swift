import Testing
@testable import WireExtract

/// The one-pass scan (eight-byte word runs, a byte-kind table, lexicon keys read while tokenizing, tokens
/// written into raw storage) must give the tokens, flags, classes and numbers the byte-at-a-time
/// tokenizer and the per-token lexicon lookup it replaced gave, on any text: ASCII and not, words at
/// every offset from an eight-byte boundary and from the end of the text, and texts dense enough in
/// tokens to need the scan's second, larger storage.
@Suite struct TokenizerScanTests {
    /// Pieces the random texts are made of: words, joiners, marks, curly quotes and dashes, non-ASCII
    /// letters (Latin-1 capitals, "×", Turkish dotted I, the Kelvin sign, CJK), spaces and line breaks.
    static let pieces = [
        "Korea", "korea", "KOREA", "U.S.", "U.N.", "N.", "Mr.", "mr", "MRS.", "Dr", "No.", "St", "Jan.", "approx.", "Corp.",
        "Seung-ho", "Prefecture-based", "-based", "born", "38,000", "1,2", "3.5", "S&P", "AT&T", "a&b", "&", "KenGen",
        "iPhone", "McDONALD", "abcdefghijklmnopq", "internationalisation", "Wednesday", "May", "march", "the", "of",
        "Ölüm", "É", "×", "ÉCOLE", "naïve", "İstanbul", "\u{212A}elvin", "中国", "Ø", "ß", "“", "”", "’s", "'s", "'S",
        "’", "'", "—", "–", "…", "\u{00A0}", "«", "»", "\u{2019}", "\n", "\n\n", "\r\n", "\n\r", "\t", " ", " ", " ",
        ".", "?", "!", ",", "(", ")", "-", "--", ":", ";", "\"", "0", "7", "a", "Z", "x.", "A.", "B", "people", "Workers",
        "\u{0301}", "e\u{0301}", "\u{1F600}", "McDonaldsCorp", "KenGenHoldings", "ABCdefGHIjk", "aB", "Ab", "AB", "12345678",
        "1234567890123456", "abcdefgH", "abcdefghIJ", "ABCDEFGHi", "x\u{00A0}", "Zürich", "x’", "word—",
        "Washington,", "WASHINGTON.", "2024,", "AFP.", "4K.", "G7,", "1,500", "3.25", "McDonaldsCo.", "abcdefghijklmno",
    ]

    /// A deterministic generator (SplitMix64): the same texts on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static func randomTexts(count: Int, pieces: Int) -> [String] {
        var generator = Generator(state: 2026)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...pieces, using: &generator)
            var text = ""
            for _ in 0..<length {
                text += Self.pieces.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { text += " " }
            }
            return text
        }
    }

    /// Every lexicon word by its bytes: the per-token lookup the scan replaced compared bytes, not
    /// `String`s (which would match canonically equivalent spellings too).
    static let lexicon: [[UInt8]: LexiconTable.Entry] = Dictionary(
        LexiconTable.entries().map { (Array($0.key.utf8), $0.value) }, uniquingKeysWith: { first, _ in first })

    func expectSameAsReference(_ text: String) {
        let bytes = Array(text.utf8)
        let expected = ReferenceTokenizer.tokenize(bytes)
        let scanned = TokenText(bytes: bytes)
        #expect(scanned.tokens.count == expected.count, "\(text.debugDescription)")
        #expect(scanned.classes.count == scanned.tokens.count && scanned.numbers.count == scanned.tokens.count)
        #expect(scanned.capitalisedWords.count == (expected.count + 63) / 64)
        for (index, token) in expected.enumerated() where index / 64 < scanned.capitalisedWords.count {
            let marked = scanned.capitalisedWords[index / 64] >> UInt64(index % 64) & 1 == 1
            #expect(marked == (token.isWord && token.isCapitalised), "capitalised bit \(index) of \(text.debugDescription)")
        }
        for (index, (token, reference)) in zip(scanned.tokens, expected).enumerated() {
            let same = token.start == reference.start && token.end == reference.end
                && token.flags.rawValue == reference.flags.rawValue && token.mark == reference.mark
            #expect(same, "token \(index) of \(text.debugDescription)")
            var entry: LexiconTable.Entry?
            if reference.isWord && reference.length <= LexiconTable.maxWordLength {
                entry = Self.lexicon[bytes[reference.start..<reference.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }]
            }
            #expect(scanned.classes[index] == entry?.classes ?? [], "classes of token \(index) of \(text.debugDescription)")
            #expect(scanned.numbers[index] == entry?.number ?? 0, "number of token \(index) of \(text.debugDescription)")
        }
    }

    /// The cuckoo table finds every lexicon word in any case, and nothing else.
    @Test func lexiconTableHoldsEveryWordAndNoOther() {
        let table = LexiconTable.shared
        for (word, entry) in LexiconTable.entries() where word.utf8.count <= LexiconTable.maxWordLength {
            for form in [word, word.uppercased()] {
                let bytes = Array(form.utf8)
                #expect(table.lookup(bytes, 0, bytes.count) == entry, "\(form)")
                let padded = Array(("  " + form + "x ").utf8)
                #expect(table.lookup(padded, 2, padded.count - 1) == Self.lexicon[Array((word + "x").utf8)], "\(form)x")
                #expect(table.lookup(padded, 2, padded.count - 2) == entry, "\(form) inside a text")
            }
        }
        for other in ["", "thee", "sai", "saidd", "mondays", "ü", "abcdefghijklmnopq"] {
            let bytes = Array(other.utf8)
            #expect(table.lookup(bytes, 0, bytes.count) == Self.lexicon[bytes], "\(other)")
        }
    }

    @Test func randomTextsTokenizeAsBefore() {
        for text in Self.randomTexts(count: 3000, pieces: 24) { expectSameAsReference(text) }
    }

    @Test func longRandomTextsTokenizeAsBefore() {
        for text in Self.randomTexts(count: 40, pieces: 400) { expectSameAsReference(text) }
    }

    /// Every lexicon word in three casings, at each offset from the text's start and end: the keys read
    /// eight bytes at a time and the ones read byte by byte near the end must both find it.
    @Test func lexiconWordsAtEveryOffset() {
        for word in LexiconTable.entries().keys.sorted() {
            for form in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                for padding in 0..<9 {
                    let gap = String(repeating: " ", count: padding)
                    expectSameAsReference(gap + form + gap)
                    expectSameAsReference("x" + gap + form + ".")
                }
            }
        }
    }

    /// Words of one to seventeen letters and digits in every mix of cases and digits, each followed by
    /// every byte that may end or join it (the one-load path takes words of up to seven, the two-load
    /// path those of eight to fifteen, and a "," or "." after a capital or digit ends the word there
    /// only when `joinsWord` could not join it), at each offset from the text's end: the fast paths
    /// near the end and the byte-by-byte path must agree with the reference.
    @Test func wordsBeforeEveryEndingAtEveryOffset() {
        let words = ["a", "A", "4", "ab", "AB", "aB", "4K", "K4", "G7", "42", "the", "AFP", "KCNA", "2024", "U2", "nATO",
                     "McDonald", "Washington", "WASHINGTON", "MinistryOf", "abcdefgH", "ABCDEFGh", "12345678", "1234567K",
                     "internationals", "INTERNATIONALS", "abcdefghijklmno", "ABCDEFGHIJKLMN4", "ab4cdefghijklmn",
                     "abcdefghijklmnop", "abcdefghijklmnopq", "Wednesday", "Prefecture", "September"]
        let endings = [" ", ",", ", ", ",5", ",500", ".", ". ", ".5", ".S.", ".\n", "-", "-based", "-ho", "&", "&T", "’", "’s",
                       "'s", "”", "é", "É", "\u{00A0}", ";", ")", "\n", "\n\n", ""]
        for word in words {
            for ending in endings {
                for tail in ["", "x", " x", " one two", " one two three four"] {
                    expectSameAsReference(word + ending + tail)
                    expectSameAsReference("in " + word + ending + tail)
                }
            }
        }
    }

    /// More tokens than a third of the bytes: the scan runs again with room for a token per byte.
    @Test func denseTextsTokenizeAsBefore() {
        for text in ["", ".", "......", String(repeating: "a.", count: 100), String(repeating: ".,;", count: 500),
                     String(repeating: "“”", count: 70), String(repeating: "a b ", count: 300), String(repeating: "-.", count: 90)] {
            expectSameAsReference(text)
        }
    }

    /// Abbreviations are told by the lexicon entry read for the word, in any case; only words of up to
    /// five letters are checked, so "Approx." ends a sentence.
    @Test func abbreviationsKeepTheSentenceGoing() {
        let text = TokenText("Gen. Park met Sept. visitors. CMDR. Lee left. Approx. ten. Kin. X")
        let starts = text.tokens.indices.filter { text.tokens[$0].flags.contains(.sentenceStart) }.map { text.string($0) }
        #expect(starts == ["Gen", "CMDR", "Approx", "ten", "Kin", "X"])
    }
}
