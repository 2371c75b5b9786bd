/// A `TokenText`'s bytes and tokens borrowed as raw buffers for one pass of the entity code, which
/// hashes and keys many short spans: read through the arrays, each span paid a closure, a bounds
/// check per byte and retains of the arrays, which cost more than the hashing itself.
///
/// Each reader gives what its `TokenText` namesake gives (`hashKey`, `key`), for one span.
struct TokenSpans {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>

    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// `TokenText.hashKey(range)`: the words lower-cased (ASCII), full stops and apostrophes skipped,
    /// a space after each word.
    @inline(__always) func hashKey(_ range: Range<Int>) -> UInt64 {
        var hash = Self.basis
        for index in range where tokens[index].isWord { hash = wordHash(index, continuing: hash) }
        return hash
    }

    /// `TokenText.hashKey(index..<(index + 1))` of a word token, continued from `hash`.
    @inline(__always) func wordHash(_ index: Int, continuing hash: UInt64 = Self.basis) -> UInt64 {
        var hash = hash
        let token = tokens[index]
        for position in token.start..<token.end {
            let byte = bytes[position]
            if byte == 0x2E || byte == 0x27 { continue }
            hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* Self.prime
        }
        return (hash ^ 0x20) &* Self.prime
    }

    /// The bytes the range spans, as written (what `TokenText.string(range)` holds).
    @inline(__always) func surface(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        guard !range.isEmpty else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        return UnsafeBufferPointer(rebasing: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
    }

    /// The room `key(range, into:)` needs: the spanned bytes and a space between each two tokens.
    func keyCapacity(_ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        return tokens[range.upperBound - 1].end - tokens[range.lowerBound].start + range.count
    }

    /// Writes `TokenText.key(range)` into `out` (at least `keyCapacity(range)` bytes) and returns its
    /// length; nil when a byte of a word is not ASCII (that key needs `NameNormalizer`'s folding).
    func key(_ range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        for index in range {
            let token = tokens[index]
            if !token.isWord {
                if token.mark == UInt8(ascii: "s") { out[count] = UInt8(ascii: "s"); count += 1 } // "People's" → "peoples"
                continue
            }
            if count > 0 { out[count] = 0x20; count += 1 }
            for position in token.start..<token.end {
                let byte = bytes[position]
                if byte >= 0x80 { return nil }
                switch byte {
                case 0x41...0x5A: out[count] = byte | 0x20
                case 0x2E, 0x27: continue
                case 0x2D, 0x26: out[count] = 0x20
                default: out[count] = byte
                }
                count += 1
            }
        }
        return count
    }

    /// True when token `index` is a word equal to `word` (lower-case ASCII) ignoring case, as
    /// `TokenText.isWord(_:_:)`.
    @inline(__always) func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].isWord else { return false }
        let token = tokens[index]
        guard token.length == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for offset in 0..<token.length where bytes[token.start + offset] | 0x20 != expected[offset] { return false }
        return true
    }

    /// FNV-1a of bytes as they are.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = basis) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    @inline(__always) static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }
}

extension TokenText {
    /// Runs `body` with the text's bytes and tokens as raw buffers (see `TokenSpans`).
    @inline(__always) func withSpans<Result>(_ body: (TokenSpans) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try tokens.withUnsafeBufferPointer { tokens in try body(TokenSpans(bytes: bytes, tokens: tokens)) }
        }
    }
}
