import WireGazetteer

/// One word of a text as the salient-name reader sees it: where it is, its normalised hash, and the
/// clues a name reader needs (capitals, sentence start, what joins it to the word before).
struct NameWord: Equatable {
    enum Shape { case capitalised, allCapitals, lower }

    /// Byte range in the text; `bareEnd` leaves out a trailing possessive ("Korea's").
    var start: Int
    var end: Int
    var bareEnd: Int
    /// `NameNormalizer.wordHash` of the word without its possessive (lower-case, full stops and
    /// apostrophes skipped), over the word's `NameNormalizer.key` when it is not ASCII, so "Türkiye"
    /// and "Turkiye" agree.
    var hash: UInt64
    /// The same with the possessive kept, as a name's inner word ("Supreme People's Assembly") is keyed.
    var innerHash: UInt64
    var shape: Shape
    var sentenceStart: Bool
    /// Only a space, or a hyphen ("Ryong-hae"), between this word and the previous one.
    var joinedToPrevious: Bool
    /// "of", "&", "de", "al": lower-case words that may sit inside a name.
    var connector: Bool
    /// Every byte of the word is ASCII: its gazetteer key can be hashed straight from the bytes.
    var isASCII: Bool

    /// Words that may be part of a name (letters, digits, inner apostrophes, inner full stops as in
    /// "U.S"; any non-ASCII byte counts as a letter); lower-case prose words only break runs. A hyphen
    /// between two words joins them like a space, so "Choe Ryong-hae" and "Choe Ryong Hae" read alike.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [NameWord] {
        byteClasses.withUnsafeBufferPointer { classes in split(bytes, classes: classes) }
    }

    /// `byteClasses` bits.
    private static let wordBit: UInt8 = 1, letterBit: UInt8 = 2, continuesBit: UInt8 = 4, sentenceBit: UInt8 = 8

    /// Each byte's classes, read with one load per byte rather than several comparisons: a word byte
    /// (`isWordByte`), a letter (`isLetter`), a byte that continues a word (a word byte or an
    /// apostrophe), a byte that ends a sentence (`endsSentence`).
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        var bits: UInt8 = 0
        if isWordByte(byte) { bits |= wordBit | continuesBit }
        if isLetter(byte) { bits |= letterBit }
        if byte == UInt8(ascii: "'") { bits |= continuesBit }
        if endsSentence(byte) { bits |= sentenceBit }
        return bits
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) -> [NameWord] {
        var words: [NameWord] = []
        words.reserveCapacity(bytes.count / 24)
        var index = 0
        var sentenceStart = true
        var onlySpaceSince = false
        let count = bytes.count
        // Indices stay in 0...count, so `&+` cannot overflow.
        while index < count {
            let byte = bytes[index]
            guard classes[Int(byte)] & wordBit != 0 || byte == UInt8(ascii: "&") else {
                // A space neither ends a sentence nor breaks a run of names: the commonest byte goes first.
                if byte == UInt8(ascii: " ") {
                    index &+= 1
                    continue
                }
                let hyphenJoin = byte == UInt8(ascii: "-") && index > 0 && index &+ 1 < count
                    && classes[Int(bytes[index &- 1])] & wordBit != 0 && classes[Int(bytes[index &+ 1])] & wordBit != 0
                // "N. Korea": the full stop of an initial neither ends a sentence nor breaks a name.
                let initial = byte == UInt8(ascii: ".") && words.last.map { $0.end == index && $0.end - $0.start == 1 && $0.shape == .capitalised } == true
                if !hyphenJoin, !initial {
                    if classes[Int(byte)] & sentenceBit != 0 { sentenceStart = true }
                    onlySpaceSince = false
                }
                index &+= 1
                continue
            }
            let start = index
            // The bytes of the word OR-ed together: its top bit says whether any byte is not ASCII.
            var allBits: UInt8 = 0
            if byte == UInt8(ascii: "&") {
                index &+= 1
            } else {
                while index < count {
                    let next = bytes[index]
                    if classes[Int(next)] & continuesBit != 0 {
                        allBits |= next
                        index &+= 1
                    } else if next == UInt8(ascii: "."), index &+ 1 < count, classes[Int(bytes[index &+ 1])] & letterBit != 0 {
                        index &+= 1
                    } else {
                        break
                    }
                }
            }
            var bareEnd = index
            if bareEnd - start > 2, bytes[bareEnd - 2] == UInt8(ascii: "'"), bytes[bareEnd - 1] | 0x20 == UInt8(ascii: "s") { bareEnd -= 2 }
            while bareEnd > start, bytes[bareEnd - 1] == UInt8(ascii: "'") { bareEnd -= 1 }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<bareEnd])
            let shape = shape(slice)
            let connector = isConnector(slice)
            // Most words are lower-case prose: they matter only as the end of a name, so they are not
            // kept (nor hashed) unless they can sit inside one ("of", or "hae" of "Ryong-hae").
            if shape == .lower, !connector, start == 0 || bytes[start - 1] != UInt8(ascii: "-") {
                sentenceStart = false
                onlySpaceSince = false
                continue
            }
            let isASCII = allBits < 0x80
            let bareHash = isASCII ? NameNormalizer.wordHash(slice) : hash(slice)
            let innerHash: UInt64
            if bareEnd == index {
                innerHash = bareHash
            } else {
                let inner = UnsafeBufferPointer(rebasing: bytes[start..<index])
                innerHash = isASCII ? NameNormalizer.wordHash(inner) : hash(inner)
            }
            words.append(NameWord(
                start: start, end: index, bareEnd: bareEnd, hash: bareHash, innerHash: innerHash,
                shape: shape, sentenceStart: sentenceStart, joinedToPrevious: onlySpaceSince, connector: connector,
                isASCII: isASCII))
            sentenceStart = false
            onlySpaceSince = true
        }
        return words
    }

    static func hash(_ slice: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard slice.contains(where: { $0 >= 0x80 }) else { return NameNormalizer.wordHash(slice) }
        return NameNormalizer.wordHash(NameNormalizer.key(String(decoding: slice, as: UTF8.self)).utf8)
    }

    static func shape(_ slice: UnsafeBufferPointer<UInt8>) -> Shape {
        guard let first = slice.first, first &- 0x41 < 26 else { return .lower }
        let hasLower = slice.contains { $0 &- 0x61 < 26 }
        return hasLower || slice.count == 1 ? .capitalised : .allCapitals
    }

    static func isConnector(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
        switch slice.count {
        case 1: return slice[0] == UInt8(ascii: "&")
        case 2: return (slice[0] == UInt8(ascii: "o") && slice[1] == UInt8(ascii: "f"))
            || (slice[0] == UInt8(ascii: "d") && slice[1] == UInt8(ascii: "e"))
            || (slice[0] == UInt8(ascii: "a") && slice[1] == UInt8(ascii: "l"))
        default: return false
        }
    }

    private static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "-")
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte &- 0x41 < 26 || byte &- 0x61 < 26
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte &- 0x30 < 10
    }
}
