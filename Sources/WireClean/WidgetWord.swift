/// Share-widget vocabulary looked up on UTF-8 bytes: ASCII words as two packed integers searched in
/// a sorted table (no `String`, no hashing), anything else through the `String` sets, whose
/// comparison is Unicode-aware.
enum WidgetWord {
    /// A word of at most 15 ASCII bytes and its length packed into two integers, ordered for binary
    /// search.
    private struct Key: Comparable {
        var high: UInt64
        var low: UInt64

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 15 else { return nil }
            high = 0
            low = UInt64(bytes.count)
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                if offset < 8 { high |= UInt64(byte) << (56 - 8 * offset) } else { low |= UInt64(byte) << (56 - 8 * (offset - 8)) }
            }
        }

        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    private static func table(_ words: Set<String>) -> [Key] {
        words.compactMap { word in
            var copy = word
            return copy.withUTF8 { Key($0) }
        }.sorted()
    }

    private static let widgetKeys = table(LineRules.widgetWords)
    private static let markerKeys = table(LineRules.widgetMarkers)

    private static func contains(_ keys: [Key], _ key: Key) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    // A key is made only from ASCII words of at most 15 bytes, so making it first also reads the
    // bytes as ASCII: the separate pass over them is left to words that have no key.
    static func isWidget(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let key = Key(bytes) { return contains(widgetKeys, key) }
        guard isASCII(bytes) else { return LineRules.widgetWords.contains(String(decoding: bytes, as: UTF8.self)) }
        return false
    }

    static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let key = Key(bytes) { return contains(markerKeys, key) }
        guard isASCII(bytes) else { return LineRules.widgetMarkers.contains(String(decoding: bytes, as: UTF8.self)) }
        return false
    }

    /// `Character.isNumber` for every character: digits for ASCII words.
    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isASCII(bytes) else { return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isNumber) }
        return bytes.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// Without `•`, `·` and `|:!.,()[]` at either end, scalar by scalar.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let length = trimmedLength(bytes, at: start, end: end)
            guard length > 0 else { break }
            start += length
        }
        while end > start {
            let length = trimmedLengthBefore(bytes, end: end, start: start)
            guard length > 0 else { break }
            end -= length
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func isTrimmedASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }

    /// The length of a trimmed scalar starting at `index`, or 0.
    private static func trimmedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        if isTrimmedASCII(bytes[index]) { return 1 }
        if index + 1 < end, bytes[index] == 0xC2, bytes[index + 1] == 0xB7 { return 2 }  // ·
        if index + 2 < end, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA2 { return 3 }  // •
        return 0
    }

    /// The length of a trimmed scalar ending at `end`, or 0.
    private static func trimmedLengthBefore(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, start: Int) -> Int {
        if isTrimmedASCII(bytes[end - 1]) { return 1 }
        if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xB7 { return 2 }
        if end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA2 { return 3 }
        return 0
    }
}
