/// What a byte means to the tokenizer, read from one 256-entry table instead of a chain of comparisons.
/// The kinds are ordered: from `asciiWordStart` on, a byte may belong to the word it follows.
enum ByteKind {
    /// Space, tab, carriage return: skipped between tokens, and a word ends on them.
    static let space: UInt8 = 0
    /// A line break: as a space, but a blank line ends a paragraph.
    static let newline: UInt8 = 1
    /// Marks that never join a word ("(", ";", "'", and C2: no-break space, guillemets): a word ends on
    /// them at once.
    static let endsWord: UInt8 = 2
    /// ASCII letters and digits: a word that the eight-byte paths may take.
    static let asciiWordStart: UInt8 = 3
    /// Non-ASCII lead bytes that start letters (not C2, not E2).
    static let wordStart: UInt8 = 4
    /// E2: a word unless E2 80 (typographic punctuation) follows.
    static let e2: UInt8 = 5
    /// Marks that can join a word ("-", ".", ",", "&"), continuation bytes.
    static let mark: UInt8 = 6

    static let table: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        switch UInt8(value) {
        case 0x20, 0x09, 0x0D: space
        case 0x0A: newline
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: asciiWordStart
        case 0x2D, 0x2E, 0x2C, 0x26: mark
        case 0xE2: e2
        case 0xC2: endsWord
        case 0x80...0xBF: mark
        case 0xC0...0xFF: wordStart
        default: endsWord
        }
    }
}
