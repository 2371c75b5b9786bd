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
        var end = bytes.count
        for byte in bytes where byte >= 0x80 { return nil }
        if end >= 2, bytes[end - 1] | 0x20 == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
            end -= 2
        } else if end >= 1, bytes[end - 1] == UInt8(ascii: "'") {
            end -= 1
        }
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        // `whole` hashes the key; `afterFirst` the key from its second word on, in case the first is "the".
        var whole = basis
        var afterFirst = basis
        var words = 0
        var inWord = false
        var firstWordLength = 0
        var firstWordIsThe = true
        for byte in bytes[0..<end] {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                if !inWord {
                    if words > 0 { whole = (whole ^ 0x20) &* 0x100_0000_01b3 }
                    if words > 1 { afterFirst = (afterFirst ^ 0x20) &* 0x100_0000_01b3 }
                    words += 1
                    inWord = true
                }
                let lower = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                whole = (whole ^ lower) &* 0x100_0000_01b3
                if words > 1 {
                    afterFirst = (afterFirst ^ lower) &* 0x100_0000_01b3
                } else {
                    // "the", a letter at a time.
                    let expected: UInt64 = firstWordLength == 0 ? 0x74 : (firstWordLength == 1 ? 0x68 : 0x65)
                    if firstWordLength >= 3 || lower != expected { firstWordIsThe = false }
                    firstWordLength += 1
                }
            case 0x2E, 0x27:
                continue
            default:
                inWord = false
            }
        }
        return words > 1 && firstWordLength == 3 && firstWordIsThe ? afterFirst : whole
    }
}
