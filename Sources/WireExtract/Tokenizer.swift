/// Splits UTF-8 text into words and punctuation marks, with sentence starts marked, and looks every
/// word up in the lexicon on the way.
///
/// Words keep inner hyphens ("Seung-ho") and abbreviation dots ("U.S.", "N."); a possessive "'s"
/// becomes its own token so that "Portugal's" yields the name "Portugal". Curly quotes and dashes are
/// folded to stand-in marks: `"` for any double quote, `'` for single ones, `-` for dashes.
///
/// One pass over the bytes writes tokens, classes and numbers straight into the three arrays' storage
/// (no `append` with its uniqueness and capacity checks, no second walk over the tokens for the
/// lexicon); a word's run of ASCII letters and digits is read eight bytes at a time (`ByteLanes`).
enum Tokenizer {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "prof", "inc",
        "corp", "co", "ltd", "jr", "sr", "vs", "approx", "est", "fig", "rev", "adm", "cmdr",
    ]

    /// A text's tokens with each one's lexicon classes and month or weekday number (see `TokenText`).
    struct Scan {
        var tokens: [Token]
        var classes: [WordClass]
        var numbers: [UInt8]
        /// Bit `i % 64` of element `i / 64` set when token i is a capitalised word (see `TokenText`).
        var capitalisedWords: [UInt64]
    }

    static func scan(_ bytes: [UInt8]) -> Scan {
        bytes.withUnsafeBufferPointer { text in
            LexiconTable.shared.withProbe { lexicon in
                ByteKind.table.withUnsafeBufferPointer { kinds in
                    // Room for a token per three bytes first (news copy has about one per five); text denser
                    // than that is scanned again with room for one per byte, which always suffices.
                    if let scan = scan(text, lexicon, kinds, capacity: text.count / 3 + 16) { return scan }
                    return scan(text, lexicon, kinds, capacity: text.count + 1) ?? Scan(tokens: [], classes: [], numbers: [], capitalisedWords: [])
                }
            }
        }
    }

    /// The scan into arrays of `capacity` elements; nil when the text has more tokens than that.
    private static func scan(_ text: UnsafeBufferPointer<UInt8>, _ lexicon: LexiconTable.Probe,
                             _ kinds: UnsafeBufferPointer<UInt8>, capacity: Int) -> Scan? {
        var complete = false
        var classes: [WordClass] = []
        var numbers: [UInt8] = []
        var capitalised = [UInt64](repeating: 0, count: capacity / 64 + 1)
        let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokenBuffer, tokenCount in
            classes = [WordClass](unsafeUninitializedCapacity: capacity) { classBuffer, classCount in
                numbers = [UInt8](unsafeUninitializedCapacity: capacity) { numberBuffer, numberCount in
                    capitalised.withUnsafeMutableBufferPointer { capitalisedBuffer in
                        var output = Output(tokens: tokenBuffer, classes: classBuffer, numbers: numberBuffer,
                                            capitalised: capitalisedBuffer)
                        complete = run(text, lexicon, kinds, &output)
                        numberCount = complete ? output.count : 0
                    }
                }
                classCount = numbers.count
            }
            tokenCount = classes.count
        }
        guard complete else { return nil }
        capitalised.removeLast(capitalised.count - (tokens.count + 63) / 64)
        return Scan(tokens: tokens, classes: classes, numbers: numbers, capitalisedWords: capitalised)
    }

    /// Where the scan writes: the three arrays' raw storage and the capitalised bits, and how many
    /// tokens are written. `run` works on a local copy, so that the pointers and the count stay in
    /// registers (as fields of a `mutating` self they were reloaded from memory after every store).
    private struct Output {
        let tokens: UnsafeMutableBufferPointer<Token>
        let classes: UnsafeMutableBufferPointer<WordClass>
        let numbers: UnsafeMutableBufferPointer<UInt8>
        let capitalised: UnsafeMutableBufferPointer<UInt64>
        var count = 0

        /// The last token written; only when `count > 0`.
        @inline(__always) var last: Token { tokens[count &- 1] }

        @inline(__always) mutating func word(_ token: Token, _ entry: LexiconTable.Entry) {
            tokens.initializeElement(at: count, to: token)
            let isCapitalised = UInt64(truncatingIfNeeded: token.flags.rawValue &>> 1) & 1
            capitalised[count &>> 6] |= isCapitalised &<< UInt64(count & 63)
            classes.initializeElement(at: count, to: entry.classes)
            numbers.initializeElement(at: count, to: entry.number)
            count &+= 1
        }

        @inline(__always) mutating func mark(_ token: Token) {
            tokens.initializeElement(at: count, to: token)
            classes.initializeElement(at: count, to: [])
            numbers.initializeElement(at: count, to: 0)
            count &+= 1
        }
    }

    /// The whole text; false when the arrays' capacity ran out.
    private static func run(_ text: UnsafeBufferPointer<UInt8>, _ lexicon: LexiconTable.Probe,
                            _ kinds: UnsafeBufferPointer<UInt8>, _ output: inout Output) -> Bool {
        guard let base = text.baseAddress, let kindBase = kinds.baseAddress else { return true }
        var out = output
        defer { output = out }
        var index = 0
        // The flags the next word starts with: `.sentenceStart` too at the start of a sentence.
        var wordFlags: Token.Flags = [.word, .sentenceStart]
        let end = text.count
        // A word's first eight-byte load fits when it starts at or before `lastLoad`, its second one
        // when at or before `lastLongLoad`.
        let lastLoad = end &- 8, lastLongLoad = end &- 16
        let capacity = out.tokens.count
        while index < end {
            let kind = kinds[Int(base[index])]
            // ASCII words first: most turns of the loop start one.
            if kind == ByteKind.asciiWordStart, index <= lastLoad {
                guard out.count < capacity else { return false }
                let flags = wordFlags
                wordFlags = .word
                let first = Chunk(ByteLanes.load(base, index))
                if first.stops != 0 {
                    let short = shortWord(first, base, count: end, kindBase, at: index, flags)
                    if short.end > index {
                        out.word(Token(start: index, end: short.end, flags: short.flags, mark: 0), lexicon.entry(short: short.key.low))
                        // Most words end on a space: stepping over it here saves a turn of the loop.
                        index = short.end &+ (first.stopByte == 0x20 ? 1 : 0)
                        continue
                    }
                } else if index <= lastLongLoad {
                    let long = longWord(first, base, count: end, kindBase, at: index, flags)
                    if long.end > index {
                        out.word(Token(start: index, end: long.end, flags: long.flags, mark: 0), lexicon.entry(long.key))
                        index = long.end
                        if base[index] == 0x20 { index &+= 1 }
                        continue
                    }
                }
                let word = word(text, kinds, from: index, flags)
                out.word(Token(start: index, end: word.end, flags: word.flags, mark: 0), lexicon.entry(word.key))
                index = word.end
                continue
            }
            if kind == ByteKind.space { index &+= 1; continue }
            if kind == ByteKind.newline {
                // A blank line ends a paragraph; a single line break is just a space.
                if index + 1 < end, text[index + 1] == 0x0A || text[index + 1] == 0x0D, out.count > 0 {
                    out.tokens[out.count - 1].flags.insert(.paragraphEnd)
                    wordFlags = [.word, .sentenceStart]
                }
                index &+= 1
                continue
            }
            guard out.count < capacity else { return false }
            // E2 80 xx is typographic punctuation; any other E2 scalar starts a word. (ASCII words here
            // are the text's last eight bytes.)
            if kind == ByteKind.asciiWordStart || kind == ByteKind.wordStart
                || (kind == ByteKind.e2 && !(index + 1 < end && text[index + 1] == 0x80)) {
                let word = word(text, kinds, from: index, wordFlags)
                wordFlags = .word
                out.word(Token(start: index, end: word.end, flags: word.flags, mark: 0), lexicon.entry(word.key))
                index = word.end
                continue
            }
            var token = Self.punctuation(text, at: index)
            index = token.end
            if token.mark == UInt8(ascii: "'"), out.count > 0, out.last.isWord, index < end,
               text[index] == UInt8(ascii: "s") || text[index] == UInt8(ascii: "S"),
               index + 1 >= end || !Self.isLetterByte(text[index + 1]) {
                // The possessive: one token "'s" that names never include.
                token.end = index + 1
                token.mark = UInt8(ascii: "s")
                index += 1
            } else if token.mark == UInt8(ascii: "?") || token.mark == UInt8(ascii: "!")
                        || (token.mark == UInt8(ascii: ".") && fullStopEndsSentence(text, lexicon, out)) {
                wordFlags = [.word, .sentenceStart]
            }
            out.mark(token)
        }
        if out.count > 0 { out.tokens[out.count - 1].flags.insert(.paragraphEnd) }
        return true
    }

    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0xC0
            || (byte >= 0x80 && byte < 0xC0)
    }

    /// What a word's letters say of it, counted as the scan goes. Only 0, 1 and "2 or more" matter to
    /// the flags, so eight bytes read at once add at most 2 to a count.
    private struct Letters {
        var upper = 0, lower = 0, digits = 0
        /// An upper-case letter came after a lower-case one.
        var innerCapital = false

        /// Adds eight bytes' lanes (`ByteLanes`) of capitals, lower-case letters and digits.
        @inline(__always) mutating func add(capitals: UInt64, small: UInt64, digits digitLanes: UInt64) {
            if !innerCapital {
                innerCapital = lower > 0 ? capitals != 0 : small != 0 && capitals > small & (0 &- small)
            }
            upper &+= Self.atMostTwo(capitals)
            lower &+= Self.atMostTwo(small)
            digits &+= Self.atMostTwo(digitLanes)
        }

        /// 0, 1 or 2 for no lane set, one, or more.
        @inline(__always) private static func atMostTwo(_ lanes: UInt64) -> Int {
            (lanes != 0 ? 1 : 0) &+ (lanes & (lanes &- 1) != 0 ? 1 : 0)
        }
    }

    /// A word of fewer than eight ASCII letters and digits ended by a byte that joins nothing, most
    /// words of news copy, from its first eight-byte load (`first`, which has a stop): its end, flags and
    /// lexicon key, all from the load's lanes without a branch on its letters. `end` is `start` when the
    /// word is not such a word (`word` reads it then).
    @inline(__always) private static func shortWord(_ first: Chunk, _ base: UnsafePointer<UInt8>, count: Int,
                                                    _ kinds: UnsafePointer<UInt8>, at start: Int, _ startFlags: Token.Flags)
        -> (end: Int, flags: Token.Flags, key: LexiconTable.Key) {
        let none = (start, startFlags, LexiconTable.Key(low: 0, high: 0))
        let end = start &+ first.length
        // A "," or "." after a lower-case letter joins nothing (see `joinsWord`).
        guard endsWord(first.stopByte, base, kinds, at: end, count: count, length: first.length,
                       afterSmall: first.small & (first.firstStop &>> 8) != 0) else { return none }
        var flags = startFlags
        if first.capitals & 0x80 != 0 { flags.insert(.capitalised) }
        let severalCapitals = first.capitals & (first.capitals &- 1) != 0
        if first.small == 0 {
            if first.capitals == 0 { flags.insert(.number) } else if severalCapitals { flags.insert(.allCaps) }
        } else if severalCapitals, first.small & (first.small &- 1) != 0, first.capitals > first.small & (0 &- first.small) {
            flags.insert(.innerCapital)
        }
        return (end, flags, LexiconTable.Key(low: first.lowered, high: 0))
    }

    /// A word of 8 to 15 ASCII letters and digits ended by a byte that joins nothing (most of the words
    /// `shortWord` leaves, a fifth of all), from its first load (`first`, all letters and digits) and a
    /// second one: its end, flags and lexicon key as `shortWord` gives them. `end` is `start` when the
    /// word is not such a word; the caller makes sure 16 bytes are readable from `start`. (Taking these
    /// words out of line in `word` cost a call and the first load's lanes worked out again.)
    @inline(__always) private static func longWord(_ first: Chunk, _ base: UnsafePointer<UInt8>, count: Int,
                                                   _ kinds: UnsafePointer<UInt8>, at start: Int, _ startFlags: Token.Flags)
        -> (end: Int, flags: Token.Flags, key: LexiconTable.Key) {
        let none = (start, startFlags, LexiconTable.Key(low: 0, high: 0))
        let second = Chunk(ByteLanes.load(base, start &+ 8))
        guard second.stops != 0 else { return none }
        let end = start &+ 8 &+ second.length
        // The lane before the stop, which may be the first load's last: `small` of both, one lane on.
        let smallBeforeStop = (second.small &<< 8 | first.small &>> 56) & second.firstStop
        guard endsWord(second.stopByte, base, kinds, at: end, count: count, length: end &- start,
                       afterSmall: smallBeforeStop != 0) else { return none }
        var flags = startFlags
        if first.capitals & 0x80 != 0 { flags.insert(.capitalised) }
        let capitals = (first.capitals, second.capitals), small = (first.small, second.small)
        let severalCapitals = capitals.0 & (capitals.0 &- 1) != 0 || capitals.1 & (capitals.1 &- 1) != 0
            || (capitals.0 != 0 && capitals.1 != 0)
        if small.0 | small.1 == 0 {
            if capitals.0 | capitals.1 == 0 { flags.insert(.number) } else if severalCapitals { flags.insert(.allCaps) }
        } else if severalCapitals, small.0 & (small.0 &- 1) != 0 || small.1 & (small.1 &- 1) != 0 || (small.0 != 0 && small.1 != 0) {
            // A capital after the first lower-case letter.
            let after = small.0 != 0 ? capitals.0 > small.0 & (0 &- small.0) || capitals.1 != 0
                : capitals.1 > small.1 & (0 &- small.1)
            if after { flags.insert(.innerCapital) }
        }
        return (end, flags, LexiconTable.Key(low: first.lowered, high: second.lowered))
    }

    /// Whether a word's run of letters and digits, `length` bytes ending at `end` in a text of `count`
    /// bytes, ends the word on the byte `next` there: one that joins nothing, or a "," or "." that
    /// cannot join there.
    @inline(__always) private static func endsWord(_ next: UInt8, _ base: UnsafePointer<UInt8>, _ kinds: UnsafePointer<UInt8>,
                                                   at end: Int, count: Int, length: Int, afterSmall: Bool) -> Bool {
        if kinds[Int(next)] < ByteKind.asciiWordStart { return true }
        guard next == 0x2C || next == 0x2E else { return false }
        // A "," or "." after a lower-case letter joins nothing (see `joinsWord`).
        return afterSmall || markEndsRun(base, at: end, count: count, length: length)
    }

    /// Whether the "," or "." at `end`, after a run of `length` letters and digits ending in a capital or
    /// a digit, joins nothing (`joinsWord` says so when it is sure to): it joins a digit to a digit, and
    /// "U.S."-style single capitals, which needs a one-letter run or a capital after a digit ("4K.").
    /// "2024," "AFP." and "KCNA," end here instead of in `word`: about a quarter of the words it took.
    private static func markEndsRun(_ base: UnsafePointer<UInt8>, at end: Int, count: Int, length: Int) -> Bool {
        guard length >= 2 else { return false }
        let after = end &+ 1 < count ? base[end &+ 1] : 0
        if after &- 0x30 < 10 { return false }
        return !(base[end &- 1] &- 0x41 < 26 && base[end &- 2] &- 0x30 < 10)
    }

    /// Eight bytes of a word's run of ASCII letters and digits, as lanes (`ByteLanes`).
    private struct Chunk {
        /// Bit 7 of every lane that is no letter or digit, and of the first such lane alone.
        let stops: UInt64, firstStop: UInt64
        /// The run's capitals and lower-case letters (lanes before the first stop).
        let capitals: UInt64, small: UInt64
        /// The run's bytes lower-cased, the other lanes zero: its part of a lexicon key.
        let lowered: UInt64
        /// The eight bytes as loaded.
        let lanes: UInt64

        @inline(__always) init(_ lanes: UInt64) {
            let letters = ByteLanes.letters(lanes)
            stops = ~(letters | ByteLanes.digits(lanes)) & ByteLanes.high
            firstStop = stops & (0 &- stops)
            // All lanes when there is no stop (firstStop 0).
            let run = (firstStop &>> 7) &- 1
            capitals = ByteLanes.capitals(lanes, letters: letters) & run
            small = letters & run & ~capitals
            lowered = (lanes | capitals &>> 2) & run
            self.lanes = lanes
        }

        /// How many bytes the run takes (8 when there is no stop).
        var length: Int { stops.trailingZeroBitCount &>> 3 }

        /// The byte that ends the run (when there is a stop), taken from the load: reading it from the
        /// text again put a load on the chain from one word's start to the next.
        var stopByte: UInt8 { UInt8(truncatingIfNeeded: lanes &>> UInt64(truncatingIfNeeded: stops.trailingZeroBitCount & ~7)) }
    }

    /// The word starting at `start` that `shortWord` did not take: its end, flags and lexicon key (0
    /// for a word longer than the longest lexicon word).
    ///
    /// A word's run of ASCII letters and digits is read eight bytes at a time: each load gives the
    /// run's end, its letters' cases and the lexicon key (the bytes lower-cased) at once. When the run
    /// ends on a byte that joins nothing (a space, most marks) the word is done; anything else (joiners,
    /// non-ASCII letters, the last bytes of the text) goes on byte by byte in `finishWord`.
    private static func word(_ text: UnsafeBufferPointer<UInt8>, _ kinds: UnsafeBufferPointer<UInt8>,
                             from start: Int, _ startFlags: Token.Flags) -> (end: Int, flags: Token.Flags, key: LexiconTable.Key) {
        var letters = Letters()
        var index = start
        var key = LexiconTable.Key(low: 0, high: 0)
        var ended = false
        if text[start] < 0x80, let base = text.baseAddress {
            while index &+ 8 <= text.count {
                let lanes = ByteLanes.load(base, index)
                let letterLanes = ByteLanes.letters(lanes)
                let digitLanes = ByteLanes.digits(lanes)
                let stops = ~(letterLanes | digitLanes) & ByteLanes.high
                // The lanes before the first byte that is no letter or digit (all eight when there is none).
                let firstStop = stops & (0 &- stops)
                let run = stops == 0 ? ~0 : (firstStop &>> 7) &- 1
                let capitals = ByteLanes.capitals(lanes, letters: letterLanes) & run
                let small = letterLanes & run & ~capitals
                letters.add(capitals: capitals, small: small, digits: digitLanes & run)
                let lowered = (lanes | capitals &>> 2) & run
                if index == start { key.low = lowered } else if index &- start == 8 { key.high = lowered }
                if stops != 0 {
                    index &+= stops.trailingZeroBitCount &>> 3
                    let next = text[index]
                    // A "," or "." after a lower-case letter joins nothing (see `joinsWord`).
                    ended = kinds[Int(next)] < ByteKind.asciiWordStart
                        || ((next == 0x2C || next == 0x2E) && small & (firstStop &>> 8) != 0)
                    break
                }
                index &+= 8
            }
        }
        if !ended { index = finishWord(text, from: index, &letters) }
        var flags = startFlags
        let first = text[start]
        if (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && start &+ 1 < text.count && text[start &+ 1] < 0x9F) {
            flags.insert(.capitalised)
        }
        if letters.upper >= 2 && letters.lower == 0 { flags.insert(.allCaps) }
        if letters.digits > 0 && letters.upper == 0 && letters.lower == 0 { flags.insert(.number) }
        if letters.innerCapital && letters.upper >= 2 && letters.lower >= 2 { flags.insert(.innerCapital) }
        if index &- start > LexiconTable.maxWordLength {
            key = LexiconTable.Key(low: 0, high: 0)
        } else if !ended {
            key = LexiconTable.key(text, start, index)
        }
        return (index, flags, key)
    }

    /// The word's bytes from `start` one at a time; the index where it ends.
    private static func finishWord(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ letters: inout Letters) -> Int {
        var index = start
        let count = text.count
        while index < count {
            let byte = text[index]
            // Lower-case letters, most of a word's bytes, with one comparison (wrapping subtraction).
            if byte &- 0x61 < 26 {
                letters.lower += 1
                index += 1
                continue
            }
            if byte < 0x80 {
                if byte &- 0x41 < 26 {
                    letters.upper += 1
                    if letters.lower > 0 { letters.innerCapital = true }
                } else if byte &- 0x30 < 10 {
                    letters.digits += 1
                } else if byte == 0x2D && startsDescriptorSuffix(text, index + 1) {
                    break // "Aichi Prefecture-based": the name ends before the hyphen
                } else if (byte == 0x2D || byte == 0x2E || byte == 0x2C) && joinsWord(text, index, byte) {
                    // hyphenated names, "U.S." style abbreviations, "38,000"
                } else if byte == 0x26 && index + 1 < count && text[index + 1] >= 0x41 && text[index + 1] <= 0x5A && letters.upper > 0 {
                    // "S&P", "AT&T"
                } else {
                    break
                }
                index += 1
            } else if byte == 0xE2 && index + 1 < count && text[index + 1] == 0x80 {
                break
            } else if byte == 0xC2 {
                break
            } else {
                // Non-ASCII letters: upper case for the Latin-1 capitals block, else lower case.
                if byte == 0xC3, index + 1 < count, text[index + 1] < 0x9F, text[index + 1] != 0x97 {
                    letters.upper += 1
                } else if byte >= 0xC0 {
                    letters.lower += 1
                }
                index += 1
            }
        }
        return index
    }

    static let descriptorSuffixes: [[UInt8]] = ["based", "born", "led", "owned", "run", "backed", "made", "bound", "linked", "funded", "controlled", "headquartered", "style", "flagged", "registered"].map { Array($0.utf8) }

    /// "-based" and its like after a capitalised name describe it; they are not part of it.
    private static func startsDescriptorSuffix(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < text.count, text[index] >= 0x61, text[index] <= 0x7A else { return false }
        for suffix in descriptorSuffixes where index + suffix.count <= text.count && text[index..<(index + suffix.count)].elementsEqual(suffix) {
            let after = index + suffix.count
            if after == text.count || !isLetterByte(text[after]) { return true }
        }
        return false
    }

    /// A hyphen joins letters; a dot joins "U.S."-style single letters (and closes one: "N."); a comma
    /// joins digits.
    private static func joinsWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ byte: UInt8) -> Bool {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let previous = index > 0 ? bytes[index - 1] : 0
        switch byte {
        case 0x2D: return isLetterByte(previous) || (previous >= 0x30 && previous <= 0x39)
            ? (isLetterByte(next) || (next >= 0x30 && next <= 0x39)) : false
        case 0x2C: return previous >= 0x30 && previous <= 0x39 && next >= 0x30 && next <= 0x39
                && index + 3 < bytes.count && bytes[index + 2] >= 0x30 && bytes[index + 3] >= 0x30
                && bytes[index + 2] <= 0x39 && bytes[index + 3] <= 0x39
        default:
            // "U.S.", "U.N.": a capital letter on its own before the dot.
            let beforePrevious = index > 1 ? bytes[index - 2] : 0x20
            let single = previous >= 0x41 && previous <= 0x5A && !isLetterByte(beforePrevious)
                && beforePrevious != 0x2D
            if single && next >= 0x41 && next <= 0x5A && index + 2 < bytes.count && bytes[index + 2] == 0x2E {
                return true
            }
            // The closing dot of "U.S." (a dot right after a letter that follows a dot).
            if previous >= 0x41 && previous <= 0x5A && beforePrevious == 0x2E { return true }
            if single && (next == 0x20 || next == 0x0A || next == 0) { return true }
            return previous >= 0x30 && previous <= 0x39 && next >= 0x30 && next <= 0x39
        }
    }

    private static func punctuation(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Token {
        let byte = text[index]
        if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80 {
            let third = text[index + 2]
            let mark: UInt8 = switch third {
            case 0x9C, 0x9D, 0x9E: UInt8(ascii: "\"")
            case 0x98, 0x99: UInt8(ascii: "'")
            case 0x93, 0x94, 0x95: UInt8(ascii: "-")
            case 0xA6: UInt8(ascii: ".")
            default: UInt8(ascii: "?") &+ 0x80
            }
            return Token(start: index, end: index + 3, flags: [], mark: mark)
        }
        var end = index + 1
        if byte >= 0x80 { while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 } }
        if byte == 0x2D { while end < text.count, text[end] == 0x2D { end += 1 } }
        return Token(start: index, end: end, flags: [], mark: byte < 0x80 ? byte : 0xFF)
    }

    /// Whether the non-ASCII word is one of `abbreviations` once lower-cased (ASCII words are told by
    /// their lexicon entry).
    private static func isNonASCIIAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ word: Token) -> Bool {
        abbreviations.contains(String(decoding: text[word.start..<word.end], as: UTF8.self).lowercased())
    }

    /// Whether a full stop ends a sentence: unless it follows an initial or an abbreviation (looked up
    /// here, for the few words a full stop follows, not for every word). "?" and "!" always do; `run`
    /// tells those, and other marks, without a call.
    private static func fullStopEndsSentence(_ text: UnsafeBufferPointer<UInt8>, _ lexicon: LexiconTable.Probe,
                                             _ out: Output) -> Bool {
        guard out.count > 0, out.last.isWord else { return true }
        let previous = out.last
        if previous.length == 1 && previous.isCapitalised { return false }
        guard previous.length <= 5 else { return true }
        if lexicon.entry(LexiconTable.key(text, previous.start, previous.end)).isAbbreviation { return false }
        return !(text[previous.start..<previous.end].contains { $0 >= 0x80 } && Self.isNonASCIIAbbreviation(text, previous))
    }
}
