/// The scans the date rules run over many tokens, on the raw buffers of the token text: the refusal of
/// words that start no date, the clause's direction and the sentence's year. Reading `text.tokens[i]`
/// through the struct re-checked bounds and reloaded the arrays at every token; these loops cost a
/// few instructions per token instead (`mentions` ran at ~90 per token of every story).
extension DateExpressionParser {
    /// `Token.Flags` bits the scans test on the raw value.
    private static let wordBit = UInt32(Token.Flags.word.rawValue)
    private static let numberBit = UInt32(Token.Flags.number.rawValue)
    private static let sentenceStartBit = Token.Flags.sentenceStart.rawValue
    /// Bit n set for the lengths of "a", "the" and "within", the words outside the starting classes
    /// that may open a date.
    private static let articleLengths: UInt = 1 << 1 | 1 << 3 | 1 << 6

    /// The first token at or after `start` that `mayStartDate` lets through, leaving out numbers
    /// `match` refuses anyway (all but four-digit ones: only a year starts a date with a number and no
    /// class), or `tokens.count`. Words of a starting class and four-digit numbers are taken on their
    /// bits; only words as long as "a", "the" or "within" go on to `mayStartDate`'s word tests.
    func nextMayStart(from start: Int) -> Int {
        var marks: [Int] = []
        return nextMayStart(from: start, marks: &marks)
    }

    /// `nextMayStart(from:)`, appending to `marks` the quotation marks it passes (punctuation tokens
    /// whose mark is `"`, as `QuoteExtractor.quotationMarks` finds them).
    func nextMayStart(from start: Int, marks: inout [Int]) -> Int {
        let count = text.tokens.count
        // The classes come with the tokens, one each; should they not, the general test decides.
        guard text.classes.count == count else {
            var index = start
            while index < count, !mayStartDate(index) {
                if text.isMark(index, "\"") { Self.appendMark(index, to: &marks) }
                index += 1
            }
            return index
        }
        let startingMask = Self.startingClasses.rawValue
        return text.tokens.withUnsafeBufferPointer { tokens in
            text.classes.withUnsafeBufferPointer { classes in
                text.bytes.withUnsafeBufferPointer { bytes in
                    var index = max(start, 0)
                    while index < count {
                        let token = tokens[index]
                        let flags = UInt32(token.flags.rawValue)
                        // Punctuation is refused on its flag, a word of a starting class taken on its
                        // class bits; of the rest only four-digit numbers and words as long as "a",
                        // "the" or "within" are looked at further.
                        if flags & Self.wordBit != 0 {
                            if classes[index].rawValue & startingMask != 0 { return index }
                            let length = UInt(bitPattern: token.end &- token.start)
                            if flags & Self.numberBit != 0 {
                                // Only a year starts a date with a number and no class.
                                if length == 4 { return index }
                            } else if (Self.articleLengths &>> length) & 1 != 0, token.start < bytes.count,
                                      bytes[token.start] | 0x20 == UInt8(truncatingIfNeeded: Self.articleInitials &>> (UInt64(length) &* 8)),
                                      length == 6 || Self.nextMayFollowArticle(tokens, classes, index, length: length),
                                      articleMayOpenDate(index, length: Int(length)) {
                                // (The shifts mask the length to six bits: a word of 64 bytes or more
                                // may pass for an article's length, which the word tests then refuse.)
                                return index
                            }
                        } else if token.mark == UInt8(ascii: "\"") {
                            Self.appendMark(index, to: &marks)
                        }
                        index += 1
                    }
                    return count
                }
            }
        }
    }

    /// Whether the word after an "a" (`length` 1) or "the" (3) at `index` has what `articleMayOpenDate`
    /// looks for: "day" after "a"; after "the" a qualifier or a word of 3, 4, 5, 6 or 9 bytes. Most
    /// words after "the" are refused here, on the buffers, before the word tests. (A length of 64 or
    /// more may pass, the shift masking it; the word tests refuse it.)
    @inline(__always) private static func nextMayFollowArticle(
        _ tokens: UnsafeBufferPointer<Token>, _ classes: UnsafeBufferPointer<WordClass>, _ index: Int, length: UInt
    ) -> Bool {
        let next = index + 1
        guard next < tokens.count, next < classes.count, UInt32(tokens[next].flags.rawValue) & wordBit != 0 else { return false }
        let nextLength = UInt(bitPattern: tokens[next].end &- tokens[next].start)
        if length == 1 { return nextLength == 3 }
        let followerLengths: UInt = 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 9
        return (followerLengths &>> nextLength) & 1 != 0 || classes[next].rawValue & WordClass.qualifier.rawValue != 0
    }

    /// `text.sentence(around:)` on the raw token buffer.
    func sentenceBounds(around index: Int) -> Range<Int> {
        guard index >= 0, index < text.tokens.count else { return text.sentence(around: index) }
        return text.tokens.withUnsafeBufferPointer { tokens in
            var start = index
            let lowest = max(0, index - TokenText.sentenceReach)
            while start > lowest, tokens[start].flags.rawValue & Self.sentenceStartBit == 0 { start -= 1 }
            var end = index + 1
            let highest = min(tokens.count, index + TokenText.sentenceReach)
            while end < highest, tokens[end].flags.rawValue & Self.sentenceStartBit == 0 { end += 1 }
            return start..<end
        }
    }

    /// Whether the clause around a date (back to the last comma or semicolon, on to the next, within its
    /// sentence) holds a future marker: `speaksOfFuture` on the raw buffers.
    func clauseSpeaksOfFuture(around index: Int) -> Bool {
        clauseSpeaksOfFuture(around: index, in: sentenceBounds(around: index))
    }

    /// `clauseSpeaksOfFuture(around:)` in the sentence around `index`, found already.
    func clauseSpeaksOfFuture(around index: Int, in sentence: Range<Int>) -> Bool {
        let count = text.tokens.count
        // The buffers are read only inside the text (a range reaching beyond it takes the general path).
        guard text.classes.count == count, index >= 0, index < count, sentence.lowerBound >= 0, sentence.upperBound <= count else {
            return speaksOfFutureByTokens(around: index, in: sentence)
        }
        let future = WordClass.futureMarker.rawValue
        return text.tokens.withUnsafeBufferPointer { tokens in
            text.classes.withUnsafeBufferPointer { classes in
                // A comma or semicolon ends the clause: a mark token (no word bit) with that byte.
                @inline(__always) func endsClause(_ position: Int) -> Bool {
                    let token = tokens[position]
                    return UInt32(token.flags.rawValue) & Self.wordBit == 0
                        && (token.mark == UInt8(ascii: ",") || token.mark == UInt8(ascii: ";"))
                }
                var position = index - 1
                while position >= sentence.lowerBound, !endsClause(position) {
                    if classes[position].rawValue & future != 0 { return true }
                    position -= 1
                }
                position = index + 1
                while position < sentence.upperBound, !endsClause(position) {
                    if classes[position].rawValue & future != 0 { return true }
                    position += 1
                }
                return false
            }
        }
    }

    /// The general form of `clauseSpeaksOfFuture`, for a text whose classes do not match its tokens
    /// (and the reference the tests compare the buffer scan with).
    func speaksOfFutureByTokens(around index: Int, in sentence: Range<Int>) -> Bool {
        var position = index - 1
        while position >= sentence.lowerBound, !text.isMark(position, ","), !text.isMark(position, ";") {
            if text.has(position, .futureMarker) { return true }
            position -= 1
        }
        position = index + 1
        while position < sentence.upperBound, !text.isMark(position, ","), !text.isMark(position, ";") {
            if text.has(position, .futureMarker) { return true }
            position += 1
        }
        return false
    }

    /// The first position in `sentence` followed by the word "year" and that is "last" (-1) or "next"
    /// (+1), as the year offset it gives; nil when none.
    func yearOffsetInSentence(_ sentence: Range<Int>) -> Int? {
        let count = text.tokens.count
        // Positions outside the text are no words (as `isWord` answers): the range is clamped to it.
        let lower = max(sentence.lowerBound, 0), upper = min(sentence.upperBound, count)
        guard lower < upper else { return nil }
        // "last" and "next" are the lexicon's relative words: only they are looked at, on their class
        // bit, with "year" after them (without the classes, every four-byte word starting with "y").
        guard text.classes.count == count else { return yearOffsetByWords(lower..<upper) }
        let relative = WordClass.relative.rawValue
        return text.classes.withUnsafeBufferPointer { classes in
            var position = lower
            while position + 1 < upper {
                if classes[position].rawValue & relative != 0, text.isWord(position + 1, "year") {
                    if text.isWord(position, "last") { return -1 }
                    if text.isWord(position, "next") { return 1 }
                }
                position += 1
            }
            return nil
        }
    }

    /// `yearOffsetInSentence` by the words' bytes, for a text whose classes do not match its tokens.
    private func yearOffsetByWords(_ sentence: Range<Int>) -> Int? {
        let found: Int? = text.tokens.withUnsafeBufferPointer { tokens in
            text.bytes.withUnsafeBufferPointer { bytes in
                var next = sentence.lowerBound + 1
                while next < sentence.upperBound {
                    let token = tokens[next]
                    if token.end &- token.start == 4, token.start < bytes.count, bytes[token.start] | 0x20 == UInt8(ascii: "y"),
                       text.isWord(next, "year") {
                        if text.isWord(next - 1, "last") { return -1 }
                        if text.isWord(next - 1, "next") { return 1 }
                    }
                    next += 1
                }
                return nil
            }
        }
        return found
    }

    /// Whether token `index` has the length and initial of a scheduling verb or of "effect"
    /// (`isScheduled`'s words): an ASCII letter, folded, among `schedulingInitials(length:)`. A word
    /// that fails it is none of them, whatever its other bytes.
    @inline(__always) func mayBeSchedulingWord(_ index: Int) -> Bool {
        guard index >= 0, index < text.tokens.count else { return false }
        let token = text.tokens[index]
        guard token.start < text.bytes.count else { return false }
        let byte = text.bytes[token.start]
        let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        guard folded >= 0x61, folded <= 0x7A else { return false }
        return (Self.schedulingInitials(length: token.length) >> UInt32(folded - 0x61)) & 1 != 0
    }

    /// Bit n set when a scheduling verb (or "effect") of `length` bytes starts with the n-th letter
    /// ("open", "meet", "vote": o, m, v at four). Constants, not a table built at first use (reading a
    /// lazily made global cost a `swift_once` check per weekday); the tests rebuild them from
    /// `ExtractionLexicon.schedulingVerbs`.
    static func schedulingInitials(length: Int) -> UInt32 {
        switch length {
        case 4: 0x205000
        case 5: 0x245006
        case 6: 0x2e081f
        case 7: 0xa001d
        case 8: 0x804
        case 9, 10: 0x20000
        default: 0
        }
    }
}
