extension String {
    /// Leading and trailing white space (including newlines) removed; Foundation-free.
    func trimmingWhitespace() -> String {
        // Most values have nothing to trim: when both ends are ASCII and not white space, no Character
        // can be white space there either, so the string comes back as it is (no grapheme walk, no copy).
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last) {
            return self
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
