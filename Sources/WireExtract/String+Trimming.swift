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
            guard !unwanted.contains(where: { $0 >= 0x80 }) else { return trimmingASCIIEnds(unwanted) }
            return utf8.withContiguousStorageIfAvailable { bytes -> String in
                guard let first = bytes.firstIndex(where: { !unwanted.contains($0) }),
                      let last = bytes.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
            }
        }
    }

    /// `trimming` for a set with non-ASCII members, on contiguous text whose ends are decided by ASCII
    /// bytes: from each end, ASCII bytes of the set are whole scalars dropped, and the first ASCII byte
    /// not in the set is a whole scalar kept. An end that reaches a non-ASCII byte first (which may be a
    /// member) is left to the scalar path (nil), as is text that is not contiguous.
    private func trimmingASCIIEnds(_ unwanted: UnsafeBufferPointer<UInt8>) -> String? {
        let result: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var first = 0
            while first < bytes.count, bytes[first] < 0x80, unwanted.contains(bytes[first]) { first += 1 }
            guard first < bytes.count else { return "" }
            var last = bytes.count - 1
            while bytes[last] < 0x80, unwanted.contains(bytes[last]) { last -= 1 }
            guard bytes[first] < 0x80, bytes[last] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
        }
        return result ?? nil
    }
}

extension String {
    /// `StringProtocol.trimming` that hands back the string itself when both ends are ASCII bytes not
    /// in the set (nothing to trim, then): most furniture lines are already trimmed, and the copy
    /// cost more than the test.
    func trimming(_ characters: String) -> String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !characters.utf8.contains(first), !characters.utf8.contains(last) {
            return self
        }
        return self[...].trimming(characters)
    }
}
