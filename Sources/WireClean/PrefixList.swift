/// Lower-case ASCII prefixes grouped by first byte, so that testing a line against a list costs one
/// table look-up when no prefix can match (as for almost every story paragraph); the first eight
/// bytes of each prefix are compared in one 64-bit word.
struct PrefixList: Sendable {
    private struct Entry: Sendable {
        let string: String
        let bytes: [UInt8]
        /// The first (up to) eight bytes, the first in the lowest lane, and the mask of those lanes.
        let head: UInt64
        let headMask: UInt64
    }

    private let byFirstByte: [[Entry]]
    /// Bits of the first bytes (below 0x80) some prefix starts with, and whether one starts with
    /// a byte from 0x80 up: a test on a line's first byte alone, without touching its string.
    private let firstBytesLow: UInt64
    private let firstBytesHigh: UInt64
    private let nonASCIIFirst: Bool

    init(_ prefixes: [String]) {
        var table = [[Entry]](repeating: [], count: 256)
        var low: UInt64 = 0, high: UInt64 = 0, nonASCII = false
        for prefix in prefixes {
            guard let first = prefix.utf8.first else { continue }
            if first < 64 { low |= 1 << UInt64(first) } else if first < 128 { high |= 1 << UInt64(first - 64) } else { nonASCII = true }
            let bytes = Array(prefix.utf8)
            var head: UInt64 = 0
            var mask: UInt64 = 0
            for (offset, byte) in bytes.prefix(8).enumerated() {
                head |= UInt64(byte) << (8 * offset)
                mask |= 0xFF << (8 * offset)
            }
            table[Int(first)].append(Entry(string: prefix, bytes: bytes, head: head, headMask: mask))
        }
        byFirstByte = table
        firstBytesLow = low
        firstBytesHigh = high
        nonASCIIFirst = nonASCII
    }

    /// False when no prefix can match a text starting with `byte` (ASCII capitals lowered, as
    /// `match` does): then `match` is nil.
    @inline(__always) func mayMatch(firstByte byte: UInt8) -> Bool {
        let lowered = byte &- 0x41 < 26 ? byte | 0x20 : byte
        if lowered < 64 { return firstBytesLow & (1 << UInt64(lowered)) != 0 }
        if lowered < 128 { return firstBytesHigh & (1 << UInt64(lowered - 64)) != 0 }
        return nonASCIIFirst
    }

    /// The first prefix (in list order among those sharing a first letter) that `text` starts with,
    /// ignoring ASCII case.
    func match(_ text: String) -> String? {
        text.withUTF8Bytes { bytes -> String? in
            guard let first = bytes.first else { return nil }
            let candidates = byFirstByte[Int(first &- 0x41 < 26 ? first | 0x20 : first)]
            guard !candidates.isEmpty else { return nil }
            let head = Self.loweredHead(bytes)
            // Entries are read in place by index: `for entry in` copied each one (its string and
            // byte array retained and released) only to compare its head.
            for position in candidates.indices where head & candidates[position].headMask == candidates[position].head {
                let count = candidates[position].bytes.count
                guard count <= bytes.count else { continue }
                var offset = 8
                while offset < count {
                    let byte = bytes[offset]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != candidates[position].bytes[offset] { break }
                    offset += 1
                }
                if offset >= count { return candidates[position].string }
            }
            return nil
        }
    }

    /// The text's first eight bytes (zeros past its end), ASCII capitals lowered, the first byte in
    /// the lowest lane.
    private static func loweredHead(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        if bytes.count >= 8, let base = bytes.baseAddress {
            word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        } else {
            for (offset, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * offset) }
        }
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = word & lows
        // Lanes holding "A"…"Z" (an ASCII byte at least 0x41 and below 0x5B) get their 0x20 bit.
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & highs
        return word | (capitals >> 2)
    }
}

extension PrefixList: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: String...) {
        self.init(elements)
    }
}

extension String {
    /// The first prefix of the list this text starts with, ignoring ASCII case.
    func firstPrefixIgnoringCase(_ list: PrefixList) -> String? {
        list.match(self)
    }
}

extension StringProtocol {
    /// The pieces between ASCII separator bytes, empty ones left out: `split` done on UTF-8 bytes
    /// (the `Character` version breaks graphemes and cost more than the rules themselves). Only for
    /// ASCII separators, which never fall inside a multi-byte scalar.
    func splitASCII(_ separators: StaticString = " ") -> [SubSequence] {
        let set = UnsafeBufferPointer(start: separators.utf8Start, count: separators.utf8CodeUnitCount)
        // Native strings: scan the contiguous bytes, then cut by offsets (O(1) on UTF-8 storage).
        let base = utf8.startIndex
        let fast: [SubSequence]? = utf8.withContiguousStorageIfAvailable { bytes in
            var pieces: [SubSequence] = []
            var start = 0
            for index in bytes.indices where set.contains(bytes[index]) {
                if start != index { pieces.append(self[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: index)]) }
                start = index + 1
            }
            if start != bytes.count { pieces.append(self[utf8.index(base, offsetBy: start)..<utf8.endIndex]) }
            return pieces
        }
        if let fast { return fast }
        var pieces: [SubSequence] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if set.contains(utf8[index]) {
                if start != index { pieces.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { pieces.append(self[start..<utf8.endIndex]) }
        return pieces
    }
}

extension Substring {
    /// The text without the spaces at its end, found from the end on UTF-8 bytes.
    var withoutTrailingSpaces: String {
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(self[..<end])
    }
}
