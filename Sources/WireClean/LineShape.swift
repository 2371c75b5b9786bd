/// Cheap facts about one paragraph, gathered in a single pass over its UTF-8 bytes, so that the rules
/// can turn away ordinary story paragraphs without string searches.
///
/// Stored as three fields (the text, its byte count, the other facts packed in one word): a value of
/// at most four machine words is passed to the rules in registers, read from the shapes' array in
/// place, where the wider shape (with a lower-cased copy of the text) was copied out, both strings
/// retained and released, for every call. The facts are read through the properties below.
struct LineShape {
    let text: String
    let bytes: Int
    /// Words (saturated at `UInt32.max`; rules compare it with small numbers), first and last byte,
    /// and the flags, at the bit positions below.
    private let packed: UInt64

    private static let firstByteShift: UInt64 = 32
    private static let lastByteShift: UInt64 = 40
    private static let lowercaseBit: UInt64 = 1 << 48
    private static let asciiBit: UInt64 = 1 << 49
    private static let sentenceBit: UInt64 = 1 << 50
    private static let digitKnownBit: UInt64 = 1 << 51
    private static let digitBit: UInt64 = 1 << 52
    private static let proseBit: UInt64 = 1 << 53

    /// Words separated by spaces (the text is normalised: single spaces, trimmed).
    @inline(__always) var words: Int { Int(packed & 0xFFFF_FFFF) }
    @inline(__always) var hasLowercase: Bool { packed & Self.lowercaseBit != 0 }
    @inline(__always) var isASCII: Bool { packed & Self.asciiBit != 0 }
    /// The first and last bytes, or 0 for empty text.
    @inline(__always) var firstByte: UInt8 { UInt8(truncatingIfNeeded: packed >> Self.firstByteShift) }
    @inline(__always) var lastByte: UInt8 { UInt8(truncatingIfNeeded: packed >> Self.lastByteShift) }
    /// Ends like a sentence: `.`, `!`, `?`, or a closing quote or bracket after one.
    @inline(__always) var endsLikeSentence: Bool { packed & Self.sentenceBit != 0 }

    /// The rules compare whole lines (lower-cased) only for lines of at most this many words.
    static let lowerWordLimit = 8

    /// - Parameter facts: the text's `ByteFacts` when they are known already.
    init(_ text: String, facts known: ByteFacts? = nil) {
        self.text = text
        var packed: UInt64 = 0
        var bytesCount = 0
        text.withUTF8Bytes { bytes in
            let facts = known ?? ByteFacts(bytes)
            let words = bytes.isEmpty ? facts.spaces : facts.spaces + 1
            packed = UInt64(UInt32(clamping: words))
            packed |= UInt64(bytes.first ?? 0) << Self.firstByteShift | UInt64(bytes.last ?? 0) << Self.lastByteShift
            if facts.hasLowercase { packed |= Self.lowercaseBit }
            if facts.isASCII { packed |= Self.asciiBit }
            if Self.endsLikeSentence(bytes) { packed |= Self.sentenceBit }
            if let digit = facts.hasDigit { packed |= Self.digitKnownBit | (digit ? Self.digitBit : 0) }
            bytesCount = bytes.count
        }
        if Self.readsAsProse(words: Int(packed & 0xFFFF_FFFF), bytes: bytesCount, isASCII: packed & Self.asciiBit != 0,
                             hasLowercase: packed & Self.lowercaseBit != 0, endsLikeSentence: packed & Self.sentenceBit != 0) {
            packed |= Self.proseBit
        }
        self.bytes = bytesCount
        self.packed = packed
    }

    /// `isProse` from the facts, decided once: the passes ask it of every line several times.
    private static func readsAsProse(words: Int, bytes: Int, isASCII: Bool, hasLowercase: Bool, endsLikeSentence: Bool) -> Bool {
        // Scripts without case or spaces (Hangul, Han, kana) are judged by length instead.
        (words >= 8 || (!isASCII && bytes >= 60)) && (hasLowercase || !isASCII) && endsLikeSentence
    }

    /// The text lower-cased, for lines of at most `lowerWordLimit` words (the only ones whose rules
    /// compare whole lines); empty for longer ones. Made when a rule asks: most lines never reach
    /// one that does.
    var lower: String {
        words > Self.lowerWordLimit ? "" : Self.lowerCased(text, ascii: isASCII)
    }

    /// Calls `body` with the bytes of `lower`, folded into a temporary buffer instead of a string
    /// (the Kelvin sign, which `lowerCased` leaves to `lowercased()`, takes the string).
    func withLowerBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard words <= Self.lowerWordLimit else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        if !isASCII, Self.containsKelvinSign(text.utf8) { return text.lowercased().withUTF8Bytes(body) }
        return text.withUTF8Bytes { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for index in bytes.indices {
                    let byte = bytes[index]
                    buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                return body(UnsafeBufferPointer(buffer))
            }
        }
    }

    /// The text lower-cased. Only ASCII letters are folded on bytes: every list the rules compare
    /// `lower` with is ASCII (or caseless signs such as "•"), and a non-ASCII letter lower-cases to
    /// another non-ASCII letter, so it matches no entry either way; the one exception, the Kelvin
    /// sign (to "k"), takes `lowercased()`.
    private static func lowerCased(_ text: String, ascii: Bool) -> String {
        let utf8 = text.utf8
        if !ascii, containsKelvinSign(utf8) { return text.lowercased() }
        return text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in bytes.indices {
                    let byte = bytes[index]
                    buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// U+212A KELVIN SIGN, E2 84 AA in UTF-8.
    private static func containsKelvinSign(_ utf8: String.UTF8View) -> Bool {
        var state = 0
        for byte in utf8 {
            switch (state, byte) {
            case (_, 0xE2): state = 1
            case (1, 0x84): state = 2
            case (2, 0xAA): return true
            default: state = 0
            }
        }
        return false
    }

    /// `endsLikeSentence` for any text, without the rest of a shape.
    static func endsLikeSentence(_ text: String) -> Bool {
        return text.withUTF8Bytes { endsLikeSentence($0) }
    }

    /// The last three scalars, read backwards on UTF-8: a sentence mark, possibly after closing
    /// quotes or brackets.
    static func endsLikeSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        for _ in 0..<3 {
            guard end > 0 else { return false }
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let length = end - start
            let lead = bytes[start]
            if length == 1 {
                switch lead {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"): end = start; continue
                default: return false
                }
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
            switch value {
            case 0x2026, 0x3002, 0xFF01, 0xFF1F: return true  // … 。 ！ ？
            case 0x201D, 0x2019, 0xBB: end = start  // ” ’ »
            default: return false
            }
        }
        return false
    }

    /// Holds an ASCII digit.
    var hasDigit: Bool {
        if packed & Self.digitKnownBit != 0 { return packed & Self.digitBit != 0 }
        return text.withUTF8Bytes { $0.contains { $0 &- 0x30 < 10 } }
    }

    /// The first prefix of the list the text starts with, ignoring ASCII case: most lines are
    /// turned away on the first byte the shape holds, without a call on the text.
    @inline(__always) func firstPrefix(_ list: PrefixList) -> String? {
        list.mayMatch(firstByte: firstByte) ? text.firstPrefixIgnoringCase(list) : nil
    }

    /// Reads as running prose: long enough, with lower-case words, ending as a sentence.
    @inline(__always) var isProse: Bool { packed & Self.proseBit != 0 }

    /// Short enough and shaped like a headline: several words, not ending in sentence punctuation
    /// other than `?` or `!`, no trailing comma, colon or semicolon.
    var isHeadlineLike: Bool {
        guard words >= 2, words <= 25, bytes <= 220 else { return false }
        switch lastByte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): return false
        default: break
        }
        guard let byte = text.utf8.first else { return false }
        if byte < 0x80 {
            // An ASCII first letter: a capital, a digit, or an opening quote or bracket.
            return byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "(")
        }
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil
            || "\"'“‘(".unicodeScalars.contains(first) || !first.isASCII
    }
}

extension String {
    /// ASCII case-insensitive prefix test (the prefix is lower-case ASCII), on the bytes in place.
    func hasPrefixIgnoringCase(_ lowercasePrefix: String) -> Bool {
        withUTF8Bytes { bytes in
            lowercasePrefix.withUTF8Bytes { prefix in
                guard prefix.count <= bytes.count else { return false }
                for index in prefix.indices {
                    let byte = bytes[index]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != prefix[index] { return false }
                }
                return true
            }
        }
    }

    /// ASCII case-insensitive suffix test (the suffix is lower-case ASCII), on the bytes in place.
    func hasSuffixIgnoringCase(_ lowercaseSuffix: String) -> Bool {
        withUTF8Bytes { bytes in
            lowercaseSuffix.withUTF8Bytes { suffix in
                guard suffix.count <= bytes.count else { return false }
                let start = bytes.count - suffix.count
                for index in suffix.indices {
                    let byte = bytes[start + index]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != suffix[index] { return false }
                }
                return true
            }
        }
    }

    /// Whether the UTF-8 bytes hold `byte`: a scan of the buffer in place (the generic
    /// `utf8.contains` walks the view index by index).
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.firstIndex(of: byte) != nil }
    }

    /// The first prefix of the list this text starts with, ignoring ASCII case.
    func firstPrefixIgnoringCase(_ prefixes: [String]) -> String? {
        // Most lines share no first letter with any prefix: compare that byte before anything else.
        guard let byte = utf8.first else { return nil }
        let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
        return prefixes.first { $0.utf8.first == lowered && hasPrefixIgnoringCase($0) }
    }
}

extension String {
    /// The last occurrence of a needle, found on UTF-8 bytes (Foundation's search converts to UTF-16
    /// first, which dominated the cleaner's time).
    func lastRange(ofASCII needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        let offset: Int? = self.withUTF8Bytes { bytes -> Int? in
            guard bytes.count >= pattern.count else { return nil }
            var start = bytes.count - pattern.count
            while start >= 0 {
                if bytes[start] == pattern[0] {
                    var matched = true
                    for k in 1..<pattern.count where bytes[start + k] != pattern[k] { matched = false; break }
                    if matched { return start }
                }
                start -= 1
            }
            return nil
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// Whether the text contains a lower-case ASCII needle, ignoring ASCII case, on UTF-8 bytes.
    func containsIgnoringCase(_ lowercaseNeedle: String) -> Bool {
        let pattern = Array(lowercaseNeedle.utf8)
        return withUTF8Bytes { $0.containsIgnoringCase(pattern) }
    }
}

extension String {
    /// The index of the first occurrence of an ASCII byte, found on the contiguous UTF-8 buffer (the
    /// generic `utf8.firstIndex(of:)` walks the view index by index).
    func firstByteIndex(of byte: UInt8) -> String.Index? {
        guard let offset = withUTF8Bytes({ $0.firstIndex(of: byte) }) else { return nil }
        return utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// `hasPrefix(character)` for a one-scalar character without a canonical decomposition ("(",
    /// "©"), decided on bytes: only a non-ASCII scalar after it could extend it into a longer
    /// character, and then `hasPrefix` decides.
    func startsWithCharacter(_ character: String) -> Bool {
        var mine = utf8.makeIterator()
        for wanted in character.utf8 {
            guard mine.next() == wanted else { return false }
        }
        guard let next = mine.next() else { return true }
        return next < 0x80 ? true : hasPrefix(character)
    }

    /// `hasSuffix(character)` for a one-scalar character without a canonical decomposition (")"),
    /// decided on bytes when an ASCII scalar other than CR stands before it (no ASCII scalar joins
    /// the character after it); otherwise `hasSuffix` decides.
    func endsWithCharacter(_ character: String) -> Bool {
        var mine = utf8.reversed().makeIterator()
        for wanted in character.utf8.reversed() {
            guard mine.next() == wanted else { return false }
        }
        guard let previous = mine.next() else { return true }
        return previous < 0x80 && previous != 0x0D ? true : hasSuffix(character)
    }

    /// Whether the UTF-8 bytes end with those of one of `suffixes` (see `hasByteSuffix`).
    func hasAnyByteSuffix(_ suffixes: [[UInt8]]) -> Bool {
        withUTF8Bytes { bytes in
            for suffix in suffixes where suffix.count <= bytes.count {
                let start = bytes.count - suffix.count
                var index = suffix.count - 1
                // From the end: the last bytes differ first.
                while index >= 0, bytes[start + index] == suffix[index] { index -= 1 }
                if index < 0 { return true }
            }
            return false
        }
    }

    /// Whether the UTF-8 bytes end with those of `suffix` (no Unicode equivalence: for ASCII suffixes
    /// that begin with a space, which always starts a character, this is `hasSuffix`).
    func hasByteSuffix(_ suffix: String) -> Bool {
        withUTF8Bytes { bytes in
            suffix.withUTF8Bytes { tail in
                bytes.count >= tail.count && UnsafeBufferPointer(rebasing: bytes[(bytes.count - tail.count)...]).elementsEqual(tail)
            }
        }
    }
}
