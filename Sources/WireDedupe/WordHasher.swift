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

    /// The same over UTF-8 bytes. All-ASCII text (nearly all wire copy) takes a branch-free path;
    /// text with any other byte is read scalar by scalar. Both give the same hashes for ASCII words.
    public static func wordHashes(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        isASCII(bytes) ? asciiWordHashes(bytes) : scalarWordHashes(bytes)
    }

    /// ASCII is classified and folded byte by byte, and only non-ASCII scalars are decoded and asked
    /// for their Unicode properties.
    private static func scalarWordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
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

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            high |= UInt64(raw[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// For each ASCII byte, itself lower-cased if it is a letter or digit, else 0 (a separator).
    private static let asciiFold: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: UInt8(byte | 0x20)
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        default: 0
        }
    }

    /// Word hashes of all-ASCII text without a data-dependent branch: word ends come every few bytes
    /// at no predictable place, and a mispredicted branch per word boundary cost more than the hashing.
    /// FNV-1a is one serial chain per word, so the text is cut at a separator near its middle and the
    /// two halves are hashed in the same loop, two chains in flight.
    private static func asciiWordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        let count = bytes.count
        // A separator never starts a word, so words in the two halves are the text's words, in order.
        let fold = asciiFold
        var middle = count / 2
        while middle < count, fold[Int(bytes[middle])] != 0 { middle += 1 }
        // Each half holds at most (length + 1) / 2 words, and its loop stores one slot past the last.
        let secondStart = (middle + 1) / 2 + 1
        let capacity = secondStart + (count - middle + 1) / 2 + 1
        return [UInt64](unsafeUninitializedCapacity: capacity) { out, initialized in
            guard let slots = out.baseAddress, let text = bytes.baseAddress else { initialized = 0; return }
            fold.withUnsafeBufferPointer { fold in
                guard let fold = fold.baseAddress else { return }
                var first = AsciiWordRun(out: slots)
                var second = AsciiWordRun(out: slots + secondStart)
                let secondText = text + middle
                let shorter = count - middle
                var index = 0
                while index < shorter {
                    first.absorb(fold[Int(text[index])])
                    second.absorb(fold[Int(secondText[index])])
                    index &+= 1
                }
                while index < middle {
                    first.absorb(fold[Int(text[index])])
                    index &+= 1
                }
                first.finish()
                second.finish()
                for slot in 0..<first.count { slots[slot] = mix(slots[slot]) }
                for slot in 0..<second.count { slots[first.count + slot] = mix(slots[secondStart + slot]) }
                initialized = first.count + second.count
            }
        }
    }

    /// One chain of `asciiWordHashes`: FNV-1a over folded bytes, the raw hash of each finished word
    /// written to `out` (mixed afterwards, off the chain).
    private struct AsciiWordRun {
        let out: UnsafeMutablePointer<UInt64>
        var count = 0
        var hash = WordHasher.fnvOffset
        /// 1 inside a word, else 0.
        var inWord = 0

        init(out: UnsafeMutablePointer<UInt64>) { self.out = out }

        @inline(__always)
        mutating func absorb(_ folded: UInt8) {
            let isWord = folded != 0 ? 1 : 0
            // Always stored; kept (count moves past it) only when this byte ends a word.
            out[count] = hash
            count &+= inWord & (1 &- isWord)
            let next = (hash ^ UInt64(folded)) &* WordHasher.fnvPrime
            hash = isWord != 0 ? next : WordHasher.fnvOffset
            inWord = isWord
        }

        mutating func finish() {
            if inWord != 0 {
                out[count] = hash
                count += 1
            }
        }
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
        var hash = sequenceSeed(wordCount: words.count)
        for word in words { hash = sequenceStep(hash, word) }
        return mix(hash)
    }

    /// One step of `sequenceHash`, for callers walking the words themselves.
    @inline(__always)
    static func sequenceStep(_ hash: UInt64, _ word: UInt64) -> UInt64 { mix(hash ^ word) &+ 0x9E37_79B9_7F4A_7C15 }

    static func sequenceSeed(wordCount: Int) -> UInt64 { 0x243F_6A88_85A3_08D3 ^ UInt64(wordCount) }

    /// One hash per run of `length` consecutive words (the whole text when it is shorter).
    public static func shingleHashes(_ words: [UInt64], length: Int) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let count = max(1, words.count - length + 1)
        var shingles = [UInt64](repeating: 0, count: count)
        for start in 0..<count {
            var hash = shingleSeed
            for offset in start..<min(words.count, start + length) { hash = shingleStep(hash, words[offset]) }
            shingles[start] = mix(hash)
        }
        return shingles
    }

    static let shingleSeed: UInt64 = 0x1357_9BDF_2468_ACE0

    @inline(__always)
    static func shingleStep(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
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
