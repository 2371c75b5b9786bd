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
            var position = 0
            func close(upTo end: Int) {
                guard let start = paragraphStart else { return }
                let paragraph = inline(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !paragraph.isEmpty { out.append(paragraph) }
                paragraphStart = nil
            }
            while position <= bytes.count {
                let byte: UInt8 = position < bytes.count ? bytes[position] : 0x0A
                if byte < 0x0E || byte == 0xC2 || byte == 0xE2, isRareBreak(bytes, at: position) {
                    // Rare line breaks (NEL, U+2028/9, CR, VT, FF) take the general path.
                    return TextNormalizer.splitParagraphs(text)
                }
                if byte == 0x0A {
                    if lineBlank { close(upTo: lineStart) } else if paragraphStart == nil { paragraphStart = lineStart }
                    lineStart = position + 1
                    lineBlank = true
                } else if byte != 0x20 && byte != 0x09 {
                    lineBlank = false
                }
                position += 1
            }
            close(upTo: bytes.count)
            return out
        }
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
        case 0x2010...0x2015, 0x2018...0x201F, 0x2020...0x2022, 0x2026, 0x2030, 0x2032, 0x2033, 0x20AC, 0x2122: return true
        case 0x3001...0x3003, 0x300C...0x300F, 0x3041...0x3096, 0x309B...0x30FF: return true
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
