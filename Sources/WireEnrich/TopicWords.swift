/// The words `TopicText.words` cuts from a text, built on its UTF-8 bytes without lower-casing the text
/// first: each word's lower-case bytes in one shared buffer, with an FNV-1a hash per word, so that
/// rule lookup hashes no `Substring`.
///
/// `String.lowercased()` maps scalar by scalar (`Unicode.Scalar.Properties.lowercaseMapping`); its
/// output is ASCII for ASCII input and for two scalars only, İ (U+0130 → "i" + U+0307) and the Kelvin
/// sign (U+212A → "k"). Every other non-ASCII scalar lower-cases to non-ASCII, which separates words,
/// so those two are all a byte walk must know (`TopicWordsTests` checks the claim over every scalar).
struct TopicWords {
    /// Lower-case word bytes, word after word.
    private(set) var bytes: [UInt8] = []
    /// Each word's range in `bytes`, a possessive "'s" already dropped (which may leave it empty).
    private(set) var ranges: [Range<Int>] = []
    /// `TopicWords.hash` of each word.
    private(set) var hashes: [UInt64] = []

    var count: Int { ranges.count }

    init(_ text: some StringProtocol) {
        bytes.reserveCapacity(text.utf8.count)
        let handled: Void? = text.utf8.withContiguousStorageIfAvailable { read($0) }
        if handled == nil { Array(text.utf8).withUnsafeBufferPointer { read($0) } }
    }

    /// The bytes of word `index`.
    func word(_ index: Int) -> ArraySlice<UInt8> {
        bytes[ranges[index]]
    }

    /// FNV-1a of a word's bytes.
    static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private mutating func read(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte < 0x80 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if Self.isWordByte(lower) { bytes.append(lower) } else { endWord(from: &start) }
            } else if byte == 0xC4, index < text.count, text[index] == 0xB0 {
                // İ: "i", then a combining dot that ends the word.
                index += 1
                bytes.append(UInt8(ascii: "i"))
                endWord(from: &start)
            } else if byte == 0xE2, index + 1 < text.count, text[index] == 0x84, text[index + 1] == 0xAA {
                // The Kelvin sign: "k", within the word.
                index += 2
                bytes.append(UInt8(ascii: "k"))
            } else {
                endWord(from: &start)
            }
        }
        endWord(from: &start)
    }

    private mutating func endWord(from start: inout Int) {
        guard start < bytes.count else { return }
        var end = bytes.count
        if end - start >= 2, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") { end -= 2 }
        ranges.append(start..<end)
        hashes.append(Self.hash(bytes[start..<end]))
        start = bytes.count
    }

    /// Letters, digits, hyphens and apostrophes: what `TopicText.words` keeps.
    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x27
    }
}
