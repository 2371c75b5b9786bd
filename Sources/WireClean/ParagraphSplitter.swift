import WireText

/// Plain copy → normalised paragraphs, the work of `TextNormalizer.splitParagraphs` done on UTF-8
/// bytes: the cleaner's hottest loop on plain-text stories.
enum ParagraphSplitter {
    static func paragraphs(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes -> [String] in
            var out: [String] = []
            var paragraphStart: Int?
            var lineStart = 0
            var lineBlank = true
            // Whether the paragraph so far is already normal (one line, single spaces, ASCII): then
            // its bytes become the string as they are.
            var simple = true
            var previousSpace = true
            var position = 0
            func close(upTo end: Int) {
                guard let start = paragraphStart else { return }
                var stop = end
                while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<stop])
                let paragraph = simple && !previousSpaceAt(slice) ? String(decoding: slice, as: UTF8.self) : inline(slice)
                if !paragraph.isEmpty { out.append(paragraph) }
                paragraphStart = nil
            }
            while position < bytes.count {
                let byte = bytes[position]
                if byte >= 0x20 && byte < 0x7F {
                    if byte == 0x20 {
                        if previousSpace { simple = false }
                        previousSpace = true
                    } else {
                        previousSpace = false
                        if lineBlank {
                            lineBlank = false
                            if paragraphStart == nil {
                                paragraphStart = lineStart
                                simple = position == lineStart
                            } else {
                                simple = false  // a second line: its break folds to a space
                            }
                        }
                        // The rest of the word: printable ASCII other than the space changes nothing.
                        position += 1
                        while position < bytes.count, bytes[position] &- 0x21 < 0x5E { position += 1 }
                        continue
                    }
                    position += 1
                    continue
                }
                if isRareBreak(bytes, at: position) {
                    // Rare line breaks (NEL, U+2028/9, CR, VT, FF) take the general path.
                    return TextNormalizer.splitParagraphs(text)
                }
                if byte == 0x0A {
                    if lineBlank { close(upTo: lineStart) }
                    lineStart = position + 1
                    lineBlank = true
                    previousSpace = true
                } else {
                    // Tabs, controls and non-ASCII bytes: the paragraph goes through `inline`.
                    if byte != 0x09 && byte != 0x20 && lineBlank {
                        lineBlank = false
                        if paragraphStart == nil { paragraphStart = lineStart } else { simple = false }
                    }
                    simple = false
                    previousSpace = byte == 0x09
                }
                position += 1
            }
            close(upTo: bytes.count)
            return out
        }
    }

    /// A trailing space left inside the slice (never, after trimming; kept as a guard).
    private static func previousSpaceAt(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
        slice.last == 0x20
    }

    private static func isRareBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case 0x0B, 0x0C, 0x0D: return true
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default: return false
        }
    }

    /// One paragraph's bytes folded: white space runs (line breaks included) to one space, control
    /// characters dropped, trimmed. Text with scalars that NFC could change, or with Unicode spaces
    /// and format characters, goes through `TextNormalizer.inline`.
    static func inline(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isAlreadyInline(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !out.isEmpty
                } else if byte > 0x20 && byte != 0x7F {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                // A no-break space (`&nbsp;`): white space, which NFC leaves as it is.
                pendingSpace = !out.isEmpty
                index += 2
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count, isStable(bytes, at: index, length: length) else {
                return TextNormalizer.inline(String(decoding: bytes, as: UTF8.self))
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: bytes[index..<(index + length)])
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One line, single spaces, no control characters, nothing NFC could change: already normal, as
    /// most paragraphs a reader hands over are.
    private static func isAlreadyInline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previousSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count, isStable(bytes, at: index, length: length) else { return false }
            previousSpace = false
            index += length
        }
        return true
    }

    /// Scalars that NFC leaves alone and that are neither white space nor format characters: Latin-1
    /// letters and signs, Latin Extended-A/B, dashes, quotes and ellipsis, the euro sign, Hangul
    /// syllables, CJK ideographs and kana (without the combining sound marks).
    private static func isStable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(next & 0x3F)
        }
        switch value {
        case 0xA1...0xAC, 0xAE...0x24F: return true
        case 0x2010...0x2015, 0x2018...0x201F, 0x2020...0x2022, 0x2026, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A, 0x20AC, 0x2122:
            return true
        case 0x3001...0x3003, 0x300C...0x300F, 0x3041...0x3096, 0x309B...0x30FF: return true
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
