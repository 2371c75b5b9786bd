extension String {
    /// `lowercased()`, with ASCII and Latin-1 letters folded from a table. For text that is not
    /// ASCII, `lowercased()` appends `properties.lowercaseMapping` (a new string) for every scalar,
    /// some hundred instructions a byte; the wire's non-ASCII lines are mostly Latin-1 ("é", "ü",
    /// "©"), whose lower case is fixed by Unicode: À–Þ (but ×) to à–þ, every other one itself.
    /// Scalars above U+00FF still take their `lowercaseMapping`, as `lowercased()` does.
    func lowercasedWithLatin1Table() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
            } else if value < 0x100 {
                let lower = value >= 0xC0 && value <= 0xDE && value != 0xD7 ? value + 0x20 : value
                bytes.append(UInt8(truncatingIfNeeded: 0xC0 | lower >> 6))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | lower & 0x3F))
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
