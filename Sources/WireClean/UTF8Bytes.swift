extension String {
    /// Calls `body` with the text's UTF-8 bytes: in place for native strings (no copy, no
    /// uniqueness check as `withUTF8` on a `var` copy needs), from a copy otherwise.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first index at or after `start` holding `a` or `b`, read eight bytes at a time (a zero
    /// lane of the word XOR the byte marks a match; the lowest lane is the first byte).
    func firstIndex(of a: UInt8, or b: UInt8, from start: Int) -> Int? {
        guard start >= 0, let base = baseAddress else { return nil }
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        let repeatedA = 0x0101_0101_0101_0101 &* UInt64(a)
        let repeatedB = 0x0101_0101_0101_0101 &* UInt64(b)
        var index = start
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let x = word ^ repeatedA
            let y = word ^ repeatedB
            let matches = (~(((x & lows) &+ lows) | x) | ~(((y & lows) &+ lows) | y)) & highs
            if matches != 0 { return index + matches.trailingZeroBitCount / 8 }
            index &+= 8
        }
        while index < count {
            if self[index] == a || self[index] == b { return index }
            index += 1
        }
        return nil
    }

    /// Whether the bytes hold a lower-case ASCII needle, ignoring ASCII case.
    func containsIgnoringCase(_ lowercaseNeedle: [UInt8]) -> Bool {
        guard !lowercaseNeedle.isEmpty else { return true }
        guard count >= lowercaseNeedle.count else { return false }
        for start in 0...(count - lowercaseNeedle.count) {
            var k = 0
            while k < lowercaseNeedle.count {
                let byte = self[start + k]
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                if lowered != lowercaseNeedle[k] { break }
                k += 1
            }
            if k == lowercaseNeedle.count { return true }
        }
        return false
    }
}

extension Substring {
    /// Calls `body` with the slice's UTF-8 bytes, in place when its string is native.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// Whether the UTF-8 bytes hold `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.firstIndex(of: byte) != nil }
    }
}
