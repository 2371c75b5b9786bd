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
        var ranges: [Range<Int>] = []
        var hashes: [UInt64] = []
        // A word byte comes from one to three text bytes, so the text's length bounds the words' bytes.
        bytes = [UInt8](unsafeUninitializedCapacity: max(text.utf8.count, 1)) { out, initialized in
            let written = text.utf8.withContiguousStorageIfAvailable { Self.read($0, into: out, &ranges, &hashes) }
            initialized = written ?? Array(text.utf8).withUnsafeBufferPointer { Self.read($0, into: out, &ranges, &hashes) }
        }
        self.ranges = ranges
        self.hashes = hashes
    }

    /// The bytes of word `index`.
    func word(_ index: Int) -> ArraySlice<UInt8> {
        bytes[ranges[index]]
    }

    /// FNV-1a of a word's bytes.
    static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var hash = basis
        for byte in word { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// Writes the words' bytes to `out` and their ranges and hashes to the arrays; returns the bytes written.
    private static func read(
        _ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
        _ ranges: inout [Range<Int>], _ hashes: inout [UInt64]
    ) -> Int {
        ranges.reserveCapacity(text.count / 4 + 1)
        hashes.reserveCapacity(text.count / 4 + 1)
        var length = 0
        var start = 0
        // The word's hash so far, and as it was one and two bytes ago (for a dropped "'s").
        var hash = basis
        var hashBefore = basis
        var hashTwoBefore = basis
        func append(_ byte: UInt8) {
            out[length] = byte
            length += 1
            hashTwoBefore = hashBefore
            hashBefore = hash
            hash = (hash ^ UInt64(byte)) &* prime
        }
        func endWord() {
            guard start < length else { return }
            if length - start >= 2, out[length - 1] == UInt8(ascii: "s"), out[length - 2] == UInt8(ascii: "'") {
                ranges.append(start..<(length - 2))
                hashes.append(hashTwoBefore)
            } else {
                ranges.append(start..<length)
                hashes.append(hash)
            }
            start = length
            hash = basis
        }
        wordBytes.withUnsafeBufferPointer { wordBytes in
            var index = 0
            while index < text.count {
                let byte = text[index]
                index += 1
                let lower = wordBytes[Int(byte)]
                if lower != 0 {
                    append(lower)
                } else if byte == 0xC4, index < text.count, text[index] == 0xB0 {
                    // İ: "i", then a combining dot that ends the word.
                    index += 1
                    append(UInt8(ascii: "i"))
                    endWord()
                } else if byte == 0xE2, index + 1 < text.count, text[index] == 0x84, text[index + 1] == 0xAA {
                    // The Kelvin sign: "k", within the word.
                    index += 2
                    append(UInt8(ascii: "k"))
                } else {
                    endWord()
                }
            }
        }
        endWord()
        return length
    }

    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// Each byte's lower-case form when it is a word byte, else 0.
    private static let wordBytes: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        return byte < 0x80 && isWordByte(lower) ? lower : 0
    }

    /// Letters, digits, hyphens and apostrophes: what `TopicText.words` keeps.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x27
    }
}
