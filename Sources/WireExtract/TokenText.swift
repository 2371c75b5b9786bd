import WireGazetteer

/// A text with its tokens: turns token ranges back into strings and keys.
struct TokenText: Sendable {
    let bytes: [UInt8]
    let tokens: [Token]
    /// Each token's closed-class memberships (empty for punctuation and open-class words).
    let classes: [WordClass]
    /// Month or weekday number per token, else 0.
    let numbers: [UInt8]
    /// Bit `i % 64` of element `i / 64` set when token i is a capitalised word: scans for names skip to
    /// the next one without a branch per token (`nextCapitalisedWord`).
    let capitalisedWords: [UInt64]

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// A text from its UTF-8 bytes, which must be valid UTF-8 (strings are made from spans of them).
    /// Tokens, classes and numbers come from one pass (`Tokenizer.scan`).
    init(bytes: [UInt8]) {
        self.bytes = bytes
        let scan = Tokenizer.scan(bytes)
        tokens = scan.tokens
        classes = scan.classes
        numbers = scan.numbers
        capitalisedWords = scan.capitalisedWords
    }

    /// True when token `index` exists, is a word, and belongs to `wordClass`.
    @inline(__always) func has(_ index: Int, _ wordClass: WordClass) -> Bool {
        index >= 0 && index < classes.count && classes[index].contains(wordClass)
    }

    /// True when token `index` belongs to any of the classes.
    @inline(__always) func hasAny(_ index: Int, _ wordClasses: WordClass) -> Bool {
        index >= 0 && index < classes.count && !classes[index].isDisjoint(with: wordClasses)
    }

    /// The text from the first token of the range to the end of the last, as written.
    func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF8.self)
    }

    func string(_ index: Int) -> String { string(index..<(index + 1)) }

    /// One token in lower case, ASCII only folded; cheap enough for every word.
    func lower(_ index: Int) -> String {
        let token = tokens[index]
        var out = [UInt8]()
        out.reserveCapacity(token.length)
        for byte in bytes[token.start..<token.end] {
            out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Gazetteer.isShortCapitalForm` of one token ("US", "U.N.", "G20"), decided on its bytes when they
    /// are ASCII: no `String` for the many short capitalised words that are no such form.
    func isShortCapitalForm(_ index: Int) -> Bool {
        let token = tokens[index]
        var letters = 0
        for byte in bytes[token.start..<token.end] {
            if byte >= 0x80 { return Gazetteer.isShortCapitalForm(string(index)) }
            if byte == 0x2E || byte == 0x2D { continue }
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) else {
                // Lower-case letters and other marks are neither capitals nor digits; only a later
                // non-ASCII byte could change the answer through the general path.
                return bytes[token.start..<token.end].contains { $0 >= 0x80 } ? Gazetteer.isShortCapitalForm(string(index)) : false
            }
            letters += 1
        }
        return letters >= 1 && letters <= 5
    }

    /// True when token `index` is a word equal to `word` (lower-case ASCII) ignoring case.
    @inline(__always) func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].isWord else { return false }
        let token = tokens[index]
        guard token.length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            for offset in 0..<token.length where bytes[token.start + offset] | 0x20 != expected[offset] { return false }
            return true
        }
    }

    /// True when token `index` is a word whose bytes, ASCII folded to lower case, are `word`'s: the
    /// comparison `lower(index) == word` makes, without building a `String`.
    func isWord(_ index: Int, equalTo word: String) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].isWord else { return false }
        let token = tokens[index]
        guard token.length == word.utf8.count else { return false }
        var position = token.start
        for expected in word.utf8 {
            let byte = bytes[position]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
            position += 1
        }
        return true
    }

    /// True when token `index` is the punctuation mark `mark`.
    /// A scalar, not a `Character`: reading a `Character`'s ASCII value cost more than the test.
    @inline(__always) func isMark(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        guard index >= 0, index < tokens.count, !tokens[index].isWord, mark.isASCII else { return false }
        return tokens[index].mark == UInt8(truncatingIfNeeded: mark.value)
    }

    /// The name key of a token range (`NameNormalizer.key` without title stripping), built from bytes
    /// straight into the string's storage (`TokenSpans.key(_:into:)`).
    func key(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var ascii = true
        let key = withSpans { spans in
            String(unsafeUninitializedCapacity: spans.keyCapacity(range)) { out -> Int in
                guard let count = spans.key(range, into: out) else { ascii = false; return 0 }
                return count
            }
        }
        guard ascii else { return NameNormalizer.literalKey(string(range)) }
        return key
    }

    /// `Gazetteer.keyHash` of `key(range)`, computed from the tokens' bytes without building the key;
    /// nil when a byte is not ASCII (the key then needs `NameNormalizer`'s folding).
    func keyHash(_ range: Range<Int>) -> UInt64? {
        withSpans { $0.keyHash(range) }
    }

    /// A 64-bit hash of the range's words, lower-cased (ASCII), for set membership inside one story.
    func hashKey(_ range: Range<Int>) -> UInt64 {
        withSpans { $0.hashKey(range) }
    }

    /// `NameNormalizer.wordHash` of token `index`, read over its raw bytes; nil when one is not ASCII.
    func asciiWordHash(_ index: Int) -> UInt64? {
        withSpans { $0.asciiWordHash(index) }
    }

    /// The first capitalised word at or after token `index`, or `tokens.count`.
    func nextCapitalisedWord(from index: Int) -> Int {
        capitalisedWords.withUnsafeBufferPointer { bits in
            var block = index >> 6
            guard block < bits.count else { return tokens.count }
            var mask = bits[block] & (~0 &<< UInt64(index & 63))
            while mask == 0 {
                block += 1
                guard block < bits.count else { return tokens.count }
                mask = bits[block]
            }
            return min(tokens.count, block << 6 | mask.trailingZeroBitCount)
        }
    }

    /// The longest stretch a sentence is taken to run either side of a token: copy without full stops
    /// must not make every lookup walk the whole story.
    static let sentenceReach = 200

    /// The sentence around token `index`: back to its start, on to the next one's, within reach.
    func sentence(around index: Int) -> Range<Int> {
        var start = index
        let lowest = max(0, index - Self.sentenceReach)
        while start > lowest, !tokens[start].flags.contains(.sentenceStart) { start -= 1 }
        var end = index + 1
        let highest = min(tokens.count, index + Self.sentenceReach)
        while end < highest, !tokens[end].flags.contains(.sentenceStart) { end += 1 }
        return start..<end
    }
}
