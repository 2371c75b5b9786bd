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

    /// A 64-bit digest of word token `index` with ASCII capitals lower-cased and full stops and
    /// apostrophes left out, as `hashKey` reads a word: the same for "U.S." and "us", for "Baek" and
    /// "BAEK"; distinct words share one with a chance of about one in 2^64. Not `hashKey`'s value: for
    /// tables that only compare such digests. Eight bytes at a time (capitals folded on all eight at
    /// once) while none is a full stop or an apostrophe, which is nearly always.
    func foldedWordDigest(_ index: Int) -> UInt64 {
        let token = tokens[index]
        var position = token.start
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        var length = 0
        if let base = bytes.baseAddress {
            while position < token.end, position + 8 <= bytes.count {
                let count = min(8, token.end - position)
                var word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if count < 8 { word &= (1 &<< (8 &* UInt64(count))) &- 1 }
                guard !Self.hasByte(word, 0x2E), !Self.hasByte(word, 0x27) else { break }
                hash = Self.mix(hash, Self.lowerCased(word))
                length += count
                position += count
            }
        }
        // The rest byte by byte, packed eight to a word as above, so that equal words get equal
        // digests whichever way their bytes were read.
        var word: UInt64 = 0
        var packed: UInt64 = 0
        while position < token.end {
            let byte = bytes[position]
            position += 1
            if byte == 0x2E || byte == 0x27 { continue }
            word |= UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte) << (8 &* packed)
            packed += 1
            length += 1
            if packed == 8 {
                hash = Self.mix(hash, word)
                word = 0
                packed = 0
            }
        }
        if packed > 0 { hash = Self.mix(hash, word) }
        return Self.mix(hash, UInt64(length))
    }

    /// True when one of the eight bytes of `word` is `byte`.
    @inline(__always) static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones &<< 7) != 0
    }

    /// The eight bytes with each ASCII capital lower-cased, the others as they are.
    @inline(__always) static func lowerCased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &<< 7
        let ascii = word & ~high
        // Per byte, below 0x80 so nothing carries: bit 7 set from "A" on, and from "[" on.
        let fromA = ascii &+ ones &* 0x3F
        let pastZ = ascii &+ ones &* 0x25
        let capitals = fromA & ~pastZ & ~word & high
        return word | (capitals >> 2)
    }

    /// `TokenText.asciiWordHash(index)` (`NameNormalizer.wordHash` of the token): nil when a byte is
    /// not ASCII.
    func asciiWordHash(_ index: Int) -> UInt64? {
        var hash = Self.basis
        let token = tokens[index]
        // A word of at most eight bytes, none beyond ASCII, a full stop or an apostrophe (nearly every
        // word): read and lower-cased as one 64-bit word, then hashed byte by byte without a test.
        if token.length <= 8, token.start + 8 <= bytes.count, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base + token.start).loadUnaligned(as: UInt64.self)
            let word = token.length == 8 ? raw : raw & ((1 &<< (8 &* UInt64(token.length))) &- 1)
            if word & 0x8080_8080_8080_8080 == 0, !Self.hasByte(word, 0x2E), !Self.hasByte(word, 0x27) {
                var lowered = Self.lowerCased(word)
                for _ in 0..<token.length {
                    hash = (hash ^ (lowered & 0xFF)) &* Self.prime
                    lowered >>= 8
                }
                return hash
            }
        }
        for position in token.start..<token.end {
            let byte = bytes[position]
            if byte >= 0x80 { return nil }
            if byte == 0x2E || byte == 0x27 { continue }
            hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* Self.prime
        }
        return hash
    }

    /// `TokenText.keyHash(range)`: nil when a byte of a word is not ASCII.
    func keyHash(_ range: Range<Int>) -> UInt64? {
        var hash = Self.basis
        // Nothing hashed yet: the first word gets no space before it.
        var empty = true
        @inline(__always) func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* Self.prime
            empty = false
        }
        for index in range {
            let token = tokens[index]
            guard token.isWord else {
                if token.mark == UInt8(ascii: "s") { add(UInt8(ascii: "s")) }
                continue
            }
            if !empty { add(0x20) }
            for position in token.start..<token.end {
                let byte = bytes[position]
                switch byte {
                case 0x80...: return nil
                case 0x41...0x5A: add(byte | 0x20)
                case 0x2E, 0x27: continue
                case 0x2D, 0x26: add(0x20)
                default: add(byte)
                }
            }
        }
        return hash
    }

    /// `TokenText.keyHash` of each prefix of the `count` tokens from `start`: `hashes[n - 1]` is the
    /// hash of the first n tokens' key, nil from the first token with a byte beyond ASCII on. One pass
    /// for all the spans a longest-match scan tries at one start.
    func prefixKeyHashes(from start: Int, count: Int, into hashes: UnsafeMutableBufferPointer<UInt64?>) {
        var hash = Self.basis
        // Nothing hashed yet: the first word gets no space before it.
        var empty = true
        var ascii = true
        @inline(__always) func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* Self.prime
            empty = false
        }
        for offset in 0..<count {
            let token = tokens[start + offset]
            if ascii {
                if !token.isWord {
                    if token.mark == UInt8(ascii: "s") { add(UInt8(ascii: "s")) }
                } else {
                    if !empty { add(0x20) }
                    for position in token.start..<token.end {
                        let byte = bytes[position]
                        if byte >= 0x80 { ascii = false; break }
                        switch byte {
                        case 0x41...0x5A: add(byte | 0x20)
                        case 0x2E, 0x27: continue
                        case 0x2D, 0x26: add(0x20)
                        default: add(byte)
                        }
                    }
                }
            }
            hashes[offset] = ascii ? hash : nil
        }
    }

    /// A 64-bit digest of everything about a span that its entity key and mention can depend on:
    /// its bytes, its tokens' places, marks and `flags` (by default only whether each is a word), and
    /// `seed`. Equal spans get equal digests;
    /// distinct ones share one with a chance of about one in 2^64. Read eight bytes at a time (each
    /// word multiplied in and folded), which costs a few instructions per byte where FNV costs ten.
    func digest(_ range: Range<Int>, seed: UInt64, flags: Token.Flags = .word) -> UInt64 {
        guard !range.isEmpty, let base = bytes.baseAddress else { return Self.mix(seed, 0) }
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        var hash = Self.mix(seed, UInt64(truncatingIfNeeded: end - start))
        var position = start
        while position + 8 <= end {
            hash = Self.mix(hash, UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            position += 8
        }
        if position < end {
            let count = end - position
            var word: UInt64 = 0
            if position + 8 <= bytes.count {
                // The last few bytes read as a whole word, the bytes past the span masked off.
                word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) & ((1 &<< (8 &* UInt64(count))) &- 1)
            } else {
                for offset in 0..<count { word |= UInt64(base[position + offset]) << (8 * UInt64(offset)) }
            }
            hash = Self.mix(hash, word)
        }
        for index in range {
            let token = tokens[index]
            let shape = UInt64(truncatingIfNeeded: token.start - start) | UInt64(truncatingIfNeeded: token.length) << 24
                | UInt64(token.flags.rawValue & flags.rawValue) << 40 | UInt64(token.mark) << 56
            hash = Self.mix(hash, shape)
        }
        return hash
    }

    /// One step of `digest`: the word multiplied in, its high bits folded down so that a difference
    /// anywhere reaches every bit of the following steps.
    @inline(__always) static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }

    /// The bytes the range spans, as written (what `TokenText.string(range)` holds).
    @inline(__always) func surface(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        guard !range.isEmpty else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        return UnsafeBufferPointer(rebasing: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
    }

    /// What `key(range, into:)` needs beyond `keyCapacity` to write whole words of eight bytes.
    static let keySlack = 8

    /// The room `key(range, into:)` needs: the spanned bytes and a space between each two tokens.
    func keyCapacity(_ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        return tokens[range.upperBound - 1].end - tokens[range.lowerBound].start + range.count
    }

    /// Writes `TokenText.key(range)` into `out` (at least `keyCapacity(range)` bytes) and returns its
    /// length; nil when a byte of a word is not ASCII (that key needs `NameNormalizer`'s folding).
    ///
    /// Given `keySlack` bytes more than that, a word's bytes are read and written eight at a time while
    /// none is beyond ASCII or one the key changes (full stop, apostrophe, hyphen, ampersand), capitals
    /// lower-cased on all eight at once: nearly every word, for a few instructions where each byte
    /// cost about ten. The bytes written past the key's end are left as garbage.
    func key(_ range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        for index in range {
            let token = tokens[index]
            if !token.isWord {
                if token.mark == UInt8(ascii: "s") { out[count] = UInt8(ascii: "s"); count += 1 } // "People's" → "peoples"
                continue
            }
            if count > 0 { out[count] = 0x20; count += 1 }
            var start = token.start
            if let base = bytes.baseAddress, let outBase = out.baseAddress {
                while start < token.end, start + 8 <= bytes.count, count + 8 <= out.count {
                    let length = min(8, token.end - start)
                    var word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
                    if length < 8 { word &= (1 &<< (8 &* UInt64(length))) &- 1 }
                    guard word & 0x8080_8080_8080_8080 == 0, !Self.hasByte(word, 0x2E), !Self.hasByte(word, 0x27),
                          !Self.hasByte(word, 0x2D), !Self.hasByte(word, 0x26) else { break }
                    UnsafeMutableRawPointer(outBase + count).storeBytes(of: Self.lowerCased(word), as: UInt64.self)
                    count += length
                    start += length
                }
            }
            for position in start..<token.end {
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
