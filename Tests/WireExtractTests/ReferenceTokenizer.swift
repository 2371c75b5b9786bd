@testable import WireExtract

// The tokenizer as it was before the one-pass scan (commit 306f584), kept only to check that the scan
// yields the same tokens on any text.
/// Splits UTF-8 text into words and punctuation marks, with sentence starts marked.
///
/// Words keep inner hyphens ("Seung-ho") and abbreviation dots ("U.S.", "N."); a possessive "'s"
/// becomes its own token so that "Portugal's" yields the name "Portugal". Curly quotes and dashes are
/// folded to stand-in marks: `"` for any double quote, `'` for single ones, `-` for dashes.
struct ReferenceTokenizer {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "prof", "inc",
        "corp", "co", "ltd", "jr", "sr", "vs", "approx", "est", "fig", "rev", "adm", "cmdr",
    ]

    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize(buffer: $0) }
    }

    /// The scan itself, on raw bytes: no bounds checks or reference counting per byte.
    private static func tokenize(buffer bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        var sentenceStart = true
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                // A blank line ends a paragraph; a single line break is just a space.
                if index + 1 < count, bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D, !tokens.isEmpty {
                    tokens[tokens.count - 1].flags.insert(.paragraphEnd)
                    sentenceStart = true
                }
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { index += 1; continue }
            if isWordByte(byte, bytes, index) {
                var token = word(bytes, from: index)
                if sentenceStart { token.flags.insert(.sentenceStart); sentenceStart = false }
                index = token.end
                tokens.append(token)
                continue
            }
            var token = punctuation(bytes, at: index)
            index = token.end
            if token.mark == UInt8(ascii: "'"), let last = tokens.last, last.isWord, index < count,
               bytes[index] == UInt8(ascii: "s") || bytes[index] == UInt8(ascii: "S"),
               index + 1 >= count || !isLetterByte(bytes[index + 1]) {
                // The possessive: one token "'s" that names never include.
                token.end = index + 1
                token.mark = UInt8(ascii: "s")
                index += 1
            } else if endsSentence(token, tokens: tokens, bytes: bytes) {
                sentenceStart = true
            }
            tokens.append(token)
        }
        if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.paragraphEnd) }
        return tokens
    }

    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0xC0
            || (byte >= 0x80 && byte < 0xC0)
    }

    /// Letters, digits and any non-ASCII scalar that is not typographic punctuation (E2 80 xx).
    private static func isWordByte(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        if byte < 0x80 { return isLetterByte(byte) || (byte >= 0x30 && byte <= 0x39) }
        if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 { return false }
        if byte == 0xC2 { return false } // NBSP, guillemets, middle dot
        return byte >= 0xC0
    }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Token {
        var index = start
        var upper = 0, lower = 0, digits = 0
        var innerCapital = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Lower-case letters, most of a word's bytes, with one comparison (wrapping subtraction).
            if byte &- 0x61 < 26 {
                lower += 1
                index += 1
                continue
            }
            if byte < 0x80 {
                if byte &- 0x41 < 26 {
                    upper += 1
                    if lower > 0 { innerCapital = true }
                } else if byte &- 0x30 < 10 {
                    digits += 1
                } else if byte == 0x2D && startsDescriptorSuffix(bytes, index + 1) {
                    break // "Aichi Prefecture-based": the name ends before the hyphen
                } else if (byte == 0x2D || byte == 0x2E || byte == 0x2C) && joinsWord(bytes, index, byte) {
                    // hyphenated names, "U.S." style abbreviations, "38,000"
                } else if byte == 0x26 && index + 1 < count && bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A && upper > 0 {
                    // "S&P", "AT&T"
                } else {
                    break
                }
                index += 1
            } else if byte == 0xE2 && index + 1 < count && bytes[index + 1] == 0x80 {
                break
            } else if byte == 0xC2 {
                break
            } else {
                // Non-ASCII letters: upper case for the Latin-1 capitals block, else lower case.
                if byte == 0xC3, index + 1 < count, bytes[index + 1] < 0x9F, bytes[index + 1] != 0x97 {
                    upper += 1
                } else if byte >= 0xC0 {
                    lower += 1
                }
                index += 1
            }
        }
        var flags: Token.Flags = [.word]
        let first = bytes[start]
        if (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && start + 1 < count && bytes[start + 1] < 0x9F) {
            flags.insert(.capitalised)
        }
        if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
        if digits > 0 && upper == 0 && lower == 0 { flags.insert(.number) }
        if innerCapital && upper >= 2 && lower >= 2 { flags.insert(.innerCapital) }
        return Token(start: start, end: index, flags: flags, mark: 0)
    }

    static let descriptorSuffixes: [[UInt8]] = ["based", "born", "led", "owned", "run", "backed", "made", "bound", "linked", "funded", "controlled", "headquartered", "style", "flagged", "registered"].map { Array($0.utf8) }

    /// "-based" and its like after a capitalised name describe it; they are not part of it.
    private static func startsDescriptorSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count, bytes[index] >= 0x61, bytes[index] <= 0x7A else { return false }
        for suffix in descriptorSuffixes where index + suffix.count <= bytes.count && bytes[index..<(index + suffix.count)].elementsEqual(suffix) {
            let after = index + suffix.count
            if after == bytes.count || !isLetterByte(bytes[after]) { return true }
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

    private static func punctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Token {
        let byte = bytes[index]
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
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
        if byte >= 0x80 { while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 } }
        if byte == 0x2D { while end < bytes.count, bytes[end] == 0x2D { end += 1 } }
        return Token(start: index, end: end, flags: [], mark: byte < 0x80 ? byte : 0xFF)
    }

    /// The abbreviations as bytes, for a comparison that builds no `String` per sentence end.
    private static let abbreviationBytes: [[UInt8]] = abbreviations.map { Array($0.utf8) }

    /// Whether the word is one of `abbreviations`, any case. Non-ASCII words keep `lowercased()`.
    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Token) -> Bool {
        let slice = bytes[word.start..<word.end]
        guard slice.allSatisfy({ $0 < 0x80 }) else {
            return abbreviations.contains(String(decoding: slice, as: UTF8.self).lowercased())
        }
        return abbreviationBytes.contains { candidate in
            candidate.count == slice.count
                && zip(candidate, slice).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
        }
    }

    private static func endsSentence(_ token: Token, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let mark = token.mark
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: "?") || mark == UInt8(ascii: "!") else { return false }
        guard mark == UInt8(ascii: "."), let previous = tokens.last, previous.isWord else { return true }
        if previous.length == 1 && previous.isCapitalised { return false }
        if previous.length <= 5, isAbbreviation(bytes, previous) { return false }
        return true
    }
}
