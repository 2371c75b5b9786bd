/// The writing system of a letter, coarse enough to tell a stray Hangul or kana line in an English
/// page from the page's own text (Han and kana count together: Japanese mixes them).
enum WritingScript: Int, CaseIterable {
    case latin, cyrillic, greek, arabic, hebrew, devanagari, thai, hangul, hanKana, other

    init?(letter scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
        // Other ASCII, Latin-1 signs, general punctuation and currency signs: no letters there, and
        // deciding them here saves the Unicode property look-up below (most scalars of a line).
        case 0x00...0x7F, 0x80...0xBF, 0x2000...0x206F, 0x20A0...0x20CF: return nil
        case 0x370...0x3FF: self = .greek
        case 0x400...0x52F: self = .cyrillic
        case 0x590...0x5FF: self = .hebrew
        case 0x600...0x6FF, 0x750...0x77F: self = .arabic
        case 0x900...0x97F: self = .devanagari
        case 0xE00...0xE7F: self = .thai
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .hanKana
        default:
            guard scalar.properties.isAlphabetic else { return nil }
            self = .other
        }
    }

    /// Letters per script in `text`, read on its UTF-8 bytes: ASCII letters are counted without
    /// decoding, other scalars decoded in place.
    static func counts(_ text: String, into counts: inout [Int]) {
        text.withUTF8Bytes { bytes in
            // ASCII letters, most of any text, are tallied in a local and added once.
            var asciiLetters = 0
            defer { counts[WritingScript.latin.rawValue] += asciiLetters }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 { asciiLetters += 1 }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
                if let scalar = Unicode.Scalar(value), let script = WritingScript(letter: scalar) { counts[script.rawValue] += 1 }
            }
        }
    }
}

/// The script most of a story's letters are written in, and the test for short lines in another one.
struct ScriptProfile {
    /// Longest line, in words, taken for a stray line.
    static let maxStrayWords = 6
    let dominant: WritingScript?

    init(_ texts: [String]) {
        // `counts` adds to what it is given: one tally for all texts, no array per text.
        var total = [Int](repeating: 0, count: WritingScript.allCases.count)
        for text in texts { WritingScript.counts(text, into: &total) }
        let sum = total.reduce(0, +)
        guard sum > 0, let best = total.indices.max(by: { total[$0] < total[$1] }), total[best] * 10 >= sum * 8 else {
            dominant = nil
            return
        }
        dominant = WritingScript(rawValue: best)
    }

    /// The script most of a line's letters are in; nil without letters.
    static func majorityScript(_ text: String) -> WritingScript? {
        var counts = [Int](repeating: 0, count: WritingScript.allCases.count)
        WritingScript.counts(text, into: &counts)
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        return WritingScript(rawValue: best)
    }

    /// A short line whose letters are mostly in another script than the story's.
    func isStray(_ shape: LineShape) -> Bool {
        guard let dominant, shape.words <= Self.maxStrayWords, shape.bytes <= 120, !(shape.isASCII && dominant == .latin) else { return false }
        var counts = [Int](repeating: 0, count: WritingScript.allCases.count)
        WritingScript.counts(shape.text, into: &counts)
        let letters = counts.reduce(0, +)
        guard letters > 0, letters <= 40 else { return false }
        return counts[dominant.rawValue] * 2 < letters
    }
}
