/// Splits text into normalised words and hashes them, without building strings for ASCII text.
public enum WordHasher {
    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One 64-bit hash per word: runs of letters, digits and combining marks, lower-cased.
    public static func wordHashes(_ text: String) -> [UInt64] {
        var text = text
        // Native strings are contiguous UTF-8 already; this only copies bridged or lazy ones.
        return text.withUTF8 { wordHashes(utf8: $0) }
    }

    /// The same over UTF-8 bytes: ASCII is classified and folded byte by byte, and only non-ASCII
    /// scalars are decoded and asked for their Unicode properties.
    public static func wordHashes(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 6)
        var current = fnvOffset
        var inWord = false
        var index = 0
        let count = bytes.count
        while index < count {
            var byte = bytes[index]
            if byte < 0x80 {
                index += 1
                let isUpper = byte &- 0x41 < 26
                if isUpper || byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                    if isUpper { byte |= 0x20 }
                    current = (current ^ UInt64(byte)) &* fnvPrime
                    inWord = true
                    continue
                }
            } else {
                let (scalar, length) = decodeScalar(bytes, at: index)
                index += length
                if let scalar, isWordScalar(scalar) {
                    for lower in scalar.properties.lowercaseMapping.utf8 {
                        current = (current ^ UInt64(lower)) &* fnvPrime
                    }
                    inWord = true
                    continue
                }
            }
            if inWord {
                hashes.append(mix(current))
                current = fnvOffset
                inWord = false
            }
        }
        if inWord { hashes.append(mix(current)) }
        return hashes
    }

    /// Decodes the multi-byte scalar starting at `index`; a malformed sequence yields nil and skips one byte.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length {
            let continuation = UInt32(bytes[index + offset])
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = (value << 6) | (continuation & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A hash of the whole word sequence: equal sequences, equal hashes; order matters.
    public static func sequenceHash(_ words: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(words.count)
        for word in words {
            hash = mix(hash ^ word) &+ 0x9E37_79B9_7F4A_7C15
        }
        return mix(hash)
    }

    /// One hash per run of `length` consecutive words (the whole text when it is shorter).
    public static func shingleHashes(_ words: [UInt64], length: Int) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let count = max(1, words.count - length + 1)
        var shingles = [UInt64](repeating: 0, count: count)
        for start in 0..<count {
            var hash: UInt64 = 0x1357_9BDF_2468_ACE0
            for offset in start..<min(words.count, start + length) {
                hash = (hash ^ words[offset]) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
            }
            shingles[start] = mix(hash)
        }
        return shingles
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 64-bit hash of a string's UTF-8 bytes (guids and other keys).
    public static func stringHash(_ text: String) -> UInt64 {
        var hash = fnvOffset
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return mix(hash)
    }
}
