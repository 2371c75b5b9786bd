/// Byte suffixes a paragraph is tested against, each also kept as its last (up to) eight bytes
/// packed in a 64-bit word: one load of the text's last eight bytes and a masked comparison per
/// suffix turn away almost every paragraph, where comparing each suffix byte by byte from the end
/// cost a loop and two bounds checks per suffix.
struct ByteSuffixList: Sendable {
    private struct Tail: Sendable {
        /// The suffix's last bytes in the highest lanes (the last byte in the top lane), as a
        /// little-endian load of a text's last eight bytes holds them.
        let value: UInt64
        let mask: UInt64
    }

    let suffixes: [[UInt8]]
    private let tails: [Tail]

    init(_ suffixes: [String]) {
        self.suffixes = suffixes.map { Array($0.utf8) }
        tails = self.suffixes.map { bytes in
            let last = bytes.suffix(8)
            var value: UInt64 = 0
            var mask: UInt64 = 0
            // Lane 7 takes the last byte, lane 6 the one before, and so on.
            for (offset, byte) in last.reversed().enumerated() {
                value |= UInt64(byte) << (8 * (7 - offset))
                mask |= 0xFF << (8 * (7 - offset))
            }
            return Tail(value: value, mask: mask)
        }
    }

    /// Whether the bytes end with those of one of the suffixes: `String.hasAnyByteSuffix`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8, let base = bytes.baseAddress else { return Self.matchesByteByByte(bytes, suffixes) }
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
        for index in tails.indices where word & tails[index].mask == tails[index].value {
            // The last eight bytes agree: a longer suffix still needs its earlier bytes compared.
            if Self.endsWith(bytes, suffixes[index]) { return true }
        }
        return false
    }

    static func matchesByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, _ suffixes: [[UInt8]]) -> Bool {
        suffixes.contains { endsWith(bytes, $0) }
    }

    private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard suffix.count <= bytes.count else { return false }
        let start = bytes.count - suffix.count
        var index = suffix.count - 1
        // From the end: the last bytes differ first.
        while index >= 0, bytes[start + index] == suffix[index] { index -= 1 }
        return index < 0
    }
}
