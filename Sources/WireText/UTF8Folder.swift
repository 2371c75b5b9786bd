/// `TextNormalizer.inline` and `paragraphs` done in one pass over UTF-8 bytes, for text that NFC
/// would leave as it is (the readers' hottest loop: every summary and title goes through it).
///
/// Each function returns nil when the text holds something only the general path handles exactly
/// (a scalar NFC might change, a zero-width or bidi format character, NEL, U+2028/9): the caller then
/// takes that path. On every other input the result is byte for byte the general path's.
enum UTF8Folder {
    /// `TextNormalizer.inline`: control characters dropped, white space runs folded to one space, trimmed.
    static func inline(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var folder = Folder(capacity: bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    folder.space()
                } else if byte > 0x20 && byte != 0x7F {
                    folder.emit(byte)
                }
                index += 1
                continue
            }
            guard let scalar = stableScalar(bytes, at: index) else { return nil }
            folder.take(scalar, bytes: bytes, at: index)
            index += scalar.length
        }
        return String(decoding: folder.out, as: UTF8.self)
    }

    /// `TextNormalizer.paragraphs`: lines split at LF, CRLF, CR, VT and FF; a blank line (white space
    /// only) ends a paragraph; each paragraph folded as `inline` does; empty paragraphs dropped; the
    /// rest joined by one blank line.
    static func paragraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var folder = Folder(capacity: bytes.count)
        var lineBlank = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 {
                guard let scalar = stableScalar(bytes, at: index) else { return nil }
                if !scalar.isSpace { lineBlank = false }
                folder.take(scalar, bytes: bytes, at: index)
                index += scalar.length
                continue
            }
            if byte > 0x20 && byte < 0x7F {
                // A run of visible ASCII (a word) is copied whole: one test per byte, one copy per run.
                let end = visibleASCIIRunEnd(bytes, from: index)
                lineBlank = false
                folder.emit(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            index += 1
            switch byte {
            case 0x0A, 0x0B, 0x0C, 0x0D:
                // CRLF is one break.
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                if lineBlank { folder.endParagraph() } else { folder.space() }
                lineBlank = true
            case 0x20, 0x09:
                folder.space()
            default:
                lineBlank = false
                if byte > 0x20 && byte != 0x7F { folder.emit(byte) }
            }
        }
        return String(decoding: folder.out, as: UTF8.self)
    }

    /// The index after the run of visible ASCII bytes (0x21–0x7E) starting at `index`.
    private static func visibleASCIIRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x7F { end += 1 }
        return end
    }

    /// A non-ASCII scalar that NFC leaves alone and that stands alone as a character.
    struct StableScalar {
        var length: Int
        var isSpace: Bool
        var isDropped: Bool
    }

    /// The scalar at `index` when it is one NFC never changes and that never joins its neighbour
    /// (canonical combining class 0, not the second half of a composition): U+0080–U+02FF and
    /// U+2002–U+20C0 except the line and paragraph separators, the zero-width and bidi format
    /// characters. Nil for anything else, including malformed bytes.
    static func stableScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> StableScalar? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xCB:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE2:
            length = 3
            value = UInt32(lead & 0x0F)
        default:
            return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        switch value {
        case 0x85, 0x2028, 0x2029, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F:
            return nil
        case 0x80...0x2FF, 0x2002...0x20C0:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let isSpace = scalar.properties.isWhitespace
            let isDropped = !isSpace && TextNormalizer.isDroppedControl(scalar)
            return StableScalar(length: length, isSpace: isSpace, isDropped: isDropped)
        default:
            return nil
        }
    }

    /// The output being built, with the folding state of the paragraph in progress.
    private struct Folder {
        var out: [UInt8] = []
        /// The paragraph in progress has produced text.
        private var paragraphHasText = false
        /// An earlier paragraph produced text, so the next one starts after a blank line.
        private var paragraphBefore = false
        private var pendingSpace = false

        init(capacity: Int) {
            out.reserveCapacity(capacity)
        }

        mutating func space() {
            pendingSpace = paragraphHasText
        }

        mutating func endParagraph() {
            if paragraphHasText { paragraphBefore = true }
            paragraphHasText = false
            pendingSpace = false
        }

        mutating func emit(_ byte: UInt8) {
            open()
            out.append(byte)
        }

        /// Visible bytes in a row: what `emit` of each would give, with one copy.
        mutating func emit(_ run: UnsafeBufferPointer<UInt8>) {
            open()
            out.append(contentsOf: run)
        }

        mutating func take(_ scalar: StableScalar, bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
            if scalar.isSpace {
                space()
            } else if !scalar.isDropped {
                open()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + scalar.length)]))
            }
        }

        /// Before a visible character: the paragraph break or the folded space it follows.
        private mutating func open() {
            if !paragraphHasText {
                if paragraphBefore { out.append(0x0A); out.append(0x0A) }
                paragraphHasText = true
            } else if pendingSpace {
                out.append(0x20)
            }
            pendingSpace = false
        }
    }
}
