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
