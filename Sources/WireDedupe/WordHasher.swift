/// Splits text into normalised words and hashes them, without building strings for ASCII text.
public enum WordHasher {
    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One 64-bit hash per word: runs of letters, digits and combining marks, lower-cased.
    public static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 6)
        var current = fnvOffset
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(truncatingIfNeeded: value)
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isWordByte = isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                if isWordByte {
                    if isUpper { byte |= 0x20 }
                    current = (current ^ UInt64(byte)) &* fnvPrime
                    inWord = true
                } else if inWord {
                    hashes.append(finalize(current))
                    current = fnvOffset
                    inWord = false
                }
            } else if isWordScalar(scalar) {
                for lower in scalar.properties.lowercaseMapping.utf8 {
                    current = (current ^ UInt64(lower)) &* fnvPrime
                }
                inWord = true
            } else if inWord {
                hashes.append(finalize(current))
                current = fnvOffset
                inWord = false
            }
        }
        if inWord { hashes.append(finalize(current)) }
        return hashes
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

    @inline(__always)
    private static func finalize(_ fnv: UInt64) -> UInt64 { mix(fnv) }

    /// A 64-bit hash of a string's UTF-8 bytes (guids and other keys).
    public static func stringHash(_ text: String) -> UInt64 {
        var hash = fnvOffset
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return mix(hash)
    }
}
