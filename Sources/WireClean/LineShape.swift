/// Cheap facts about one paragraph, gathered in a single pass over its UTF-8 bytes, so that the rules
/// can turn away ordinary story paragraphs without string searches.
struct LineShape {
    let text: String
    /// Words separated by spaces (the text is normalised: single spaces, trimmed).
    let words: Int
    let bytes: Int
    let hasDigit: Bool
    let hasLowercase: Bool
    let isASCII: Bool
    /// The last byte, or 0 for empty text.
    let lastByte: UInt8

    init(_ text: String) {
        self.text = text
        var words = text.isEmpty ? 0 : 1
        var digit = false, lower = false, ascii = true
        var last: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x20 { words += 1 }
            else if byte >= 0x30 && byte <= 0x39 { digit = true }
            else if byte >= 0x61 && byte <= 0x7A { lower = true }
            else if byte >= 0x80 { ascii = false }
            last = byte
        }
        self.words = words
        self.bytes = text.utf8.count
        self.hasDigit = digit
        self.hasLowercase = lower
        self.isASCII = ascii
        self.lastByte = last
    }

    /// Ends like a sentence: `.`, `!`, `?`, or a closing quote or bracket after one.
    var endsLikeSentence: Bool {
        let tail = text.unicodeScalars.suffix(3)
        for scalar in tail.reversed() {
            switch scalar {
            case ".", "!", "?", "…": return true
            case "\"", "'", "”", "’", ")", "»": continue
            default: return false
            }
        }
        return false
    }

    /// Reads as running prose: long enough, with lower-case words, ending as a sentence.
    var isProse: Bool {
        words >= 8 && hasLowercase && endsLikeSentence
    }

    /// Short enough and shaped like a headline: several words, not ending in sentence punctuation
    /// other than `?` or `!`, no trailing comma, colon or semicolon.
    var isHeadlineLike: Bool {
        guard words >= 2, words <= 25, bytes <= 220 else { return false }
        switch lastByte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): return false
        default: break
        }
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil
            || "\"'“‘(".unicodeScalars.contains(first) || !first.isASCII
    }
}

extension String {
    /// ASCII case-insensitive prefix test (the prefix is lower-case ASCII).
    func hasPrefixIgnoringCase(_ lowercasePrefix: String) -> Bool {
        var mine = utf8.makeIterator()
        for wanted in lowercasePrefix.utf8 {
            guard let byte = mine.next() else { return false }
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lowered != wanted { return false }
        }
        return true
    }

    /// ASCII case-insensitive suffix test (the suffix is lower-case ASCII).
    func hasSuffixIgnoringCase(_ lowercaseSuffix: String) -> Bool {
        let suffix = Array(lowercaseSuffix.utf8)
        let mine = utf8.suffix(suffix.count)
        guard mine.count == suffix.count else { return false }
        return zip(mine, suffix).allSatisfy { byte, wanted in
            ((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte) == wanted
        }
    }

    /// The first prefix of the list this text starts with, ignoring ASCII case.
    func firstPrefixIgnoringCase(_ prefixes: [String]) -> String? {
        prefixes.first { hasPrefixIgnoringCase($0) }
    }
}
