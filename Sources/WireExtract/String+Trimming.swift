/// Trimming without Foundation's `CharacterSet` bridging, which costs more than the rest of a short
/// furniture line's parsing.
extension StringProtocol {
    /// The text without the given characters at either end (compared as Unicode scalars).
    func trimming(_ characters: String) -> String {
        if let trimmed = trimmingASCII(characters) { return trimmed }
        // `characters` is a handful of scalars: a linear search beats building a set per call.
        let unwanted = characters.unicodeScalars
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted.contains($0) }),
              let last = scalars.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        // Scalar boundaries are UTF-8 boundaries: the kept bytes decode to exactly the kept scalars.
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }

    /// `trimming` for an ASCII set on contiguous text, read from each end to the first kept byte: a
    /// byte of the set is a whole scalar, and no byte of a multi-byte scalar is in the set, so the
    /// kept bytes are the kept scalars. Nil when the set is not ASCII or the text not contiguous.
    private func trimmingASCII(_ characters: String) -> String? {
        var set = characters
        return set.withUTF8 { unwanted -> String? in
            guard !unwanted.contains(where: { $0 >= 0x80 }) else { return nil }
            return utf8.withContiguousStorageIfAvailable { bytes -> String in
                guard let first = bytes.firstIndex(where: { !unwanted.contains($0) }),
                      let last = bytes.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
            }
        }
    }
}
