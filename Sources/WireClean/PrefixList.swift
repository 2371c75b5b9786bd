/// Lower-case ASCII prefixes grouped by first byte, so that testing a line against a list costs one
/// table look-up when no prefix can match (as for almost every story paragraph).
struct PrefixList: Sendable {
    private let byFirstByte: [[[UInt8]]]
    private let strings: [[String]]

    init(_ prefixes: [String]) {
        var bytes = [[[UInt8]]](repeating: [], count: 256)
        var strings = [[String]](repeating: [], count: 256)
        for prefix in prefixes {
            guard let first = prefix.utf8.first else { continue }
            bytes[Int(first)].append(Array(prefix.utf8))
            strings[Int(first)].append(prefix)
        }
        byFirstByte = bytes
        self.strings = strings
    }

    /// The first prefix (in list order among those sharing a first letter) that `text` starts with,
    /// ignoring ASCII case.
    func match(_ text: String) -> String? {
        return text.withUTF8Bytes { bytes -> String? in
            guard let first = bytes.first else { return nil }
            let lowered = first &- 0x41 < 26 ? first | 0x20 : first
            let candidates = byFirstByte[Int(lowered)]
            for (index, prefix) in candidates.enumerated() where prefix.count <= bytes.count {
                var matched = true
                for offset in 1..<prefix.count {
                    let byte = bytes[offset]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != prefix[offset] { matched = false; break }
                }
                if matched { return strings[Int(lowered)][index] }
            }
            return nil
        }
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
