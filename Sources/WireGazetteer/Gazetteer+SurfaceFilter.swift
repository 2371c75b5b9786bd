/// A test that rules out most lookups of ASCII surfaces without building a key `String`: a place scan
/// tries every capitalised word and run of words, and nearly all of them name nothing.
extension Gazetteer {
    /// False only when `lookup` of the surface these UTF-8 bytes spell is certainly empty; true when it
    /// may find something (then look it up). Exact: a surface that could be an acronym key, or holds a
    /// non-ASCII byte, always passes; any other passes when its `literalKey` hashes to a stored key.
    public func mayName(surface bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if Self.mayBeAcronymKey(bytes) { return true }
        guard let hash = Self.literalKeyHash(ascii: bytes) else { return true }
        return !entries(forKeyHash: hash).isEmpty
    }

    /// `keyHash(NameNormalizer.literalKey(surface).utf8)` for an ASCII surface, in one pass over its
    /// bytes and without the key; nil when a byte is not ASCII. Mirrors `NameNormalizer.asciiLiteralKey`:
    /// a trailing possessive goes, letters and digits lower-cased form words, full stops and apostrophes
    /// vanish, any other byte separates, words join with one space, a leading "the" goes when more follow.
    static func literalKeyHash(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        keyBytes.withUnsafeBufferPointer { table in literalKeyHash(bytes, table: table) }
    }

    /// What each byte is to a literal key, read from one table so that the loop over a name's bytes
    /// makes one test per byte: `separates`, `vanishes`, `notASCII`, or else the byte lower-cased.
    static let keyBytes: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case 0x41...0x5A: return byte | 0x20
        case 0x61...0x7A, 0x30...0x39: return byte
        case 0x2E, 0x27: return KeyByte.vanishes
        case 0x80...: return KeyByte.notASCII
        default: return KeyByte.separates
        }
    }

    /// The classes in `keyBytes` (no letter or digit has these values).
    enum KeyByte {
        static let separates: UInt8 = 0
        static let vanishes: UInt8 = 1
        static let notASCII: UInt8 = 2
    }

    private static func literalKeyHash(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var end = bytes.count
        if end >= 2, bytes[end - 1] | 0x20 == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
            end -= 2
        } else if end >= 1, bytes[end - 1] == UInt8(ascii: "'") {
            end -= 1
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var started = false
        var pendingSpace = false
        // A space is hashed only before a word that follows another: runs of separators count once.
        for index in afterLeadingThe(bytes, end: end, table: table)..<end {
            let mapped = table[Int(bytes[index])]
            if mapped > KeyByte.notASCII {
                if pendingSpace { hash = (hash ^ 0x20) &* 0x100_0000_01b3 }
                pendingSpace = false
                started = true
                hash = (hash ^ UInt64(mapped)) &* 0x100_0000_01b3
            } else if mapped == KeyByte.separates {
                pendingSpace = started
            } else if mapped == KeyByte.notASCII {
                return nil
            }
        }
        // The possessive's bytes are ASCII; only those before `end` needed the test.
        return hash
    }

    /// Where the key's hashing starts: past a first word that is "the" when another word follows it,
    /// else 0. Reads only the bytes it needs; a byte that is not ASCII before the decision gives 0, so
    /// that the main loop sees it.
    private static func afterLeadingThe(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, table: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < end, table[Int(bytes[index])] <= KeyByte.vanishes { index += 1 }
        // The first word's letters, full stops and apostrophes passed over: exactly "the"?
        var letters = 0
        while index < end {
            let mapped = table[Int(bytes[index])]
            if mapped == KeyByte.separates { break }
            if mapped == KeyByte.notASCII { return 0 }
            if mapped != KeyByte.vanishes {
                let expected: UInt8 = letters == 0 ? 0x74 : (letters == 1 ? 0x68 : 0x65)
                guard letters < 3, mapped == expected else { return 0 }
                letters += 1
            }
            index += 1
        }
        guard letters == 3 else { return 0 }
        let afterThe = index
        // Another word must follow for "the" to go.
        while index < end {
            let mapped = table[Int(bytes[index])]
            if mapped > KeyByte.notASCII { return afterThe }
            if mapped == KeyByte.notASCII { return 0 }
            index += 1
        }
        return 0
    }
}
