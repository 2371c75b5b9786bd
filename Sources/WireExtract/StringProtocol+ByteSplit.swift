extension StringProtocol {
    /// `split(whereSeparator:)` on ASCII separator characters, empty pieces left out, done on UTF-8
    /// bytes: the `Character` version breaks graphemes and cost more than parsing a furniture line.
    ///
    /// A separator byte is its own character unless a non-ASCII scalar stands beside it (a combining
    /// mark after it, a prepended mark before it) — then the text goes the `Character` way, so the
    /// pieces are always the ones `split` gives.
    func splitBytes(_ separators: StaticString) -> [SubSequence] {
        let set = UnsafeBufferPointer(start: separators.utf8Start, count: separators.utf8CodeUnitCount)
        let base = utf8.startIndex
        let fast: [SubSequence]?? = utf8.withContiguousStorageIfAvailable { bytes -> [SubSequence]? in
            var pieces: [SubSequence] = []
            // One allocation: a line holds few pieces.
            pieces.reserveCapacity(16)
            var start = 0
            for index in bytes.indices where set.contains(bytes[index]) {
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) { return nil }
                if start != index { pieces.append(self[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: index)]) }
                start = index + 1
            }
            if start != bytes.count { pieces.append(self[utf8.index(base, offsetBy: start)..<utf8.endIndex]) }
            return pieces
        }
        if let fast, let pieces = fast { return pieces }
        return split { character in
            character.unicodeScalars.count == 1 && character.unicodeScalars.first.map { $0.isASCII && set.contains(UInt8($0.value)) } ?? false
        }
    }
}

extension Collection where Element == Substring {
    /// `joined(separator: " ")` of words cut from `text`: one copy of the text they span when a single
    /// space stands between each two (as in normalised copy), else the join itself. The general join
    /// cost more than looking the joined name up.
    func joinedBySpaces(in text: String) -> String {
        guard let first = first else { return "" }
        let utf8 = text.utf8
        var end = first.endIndex
        for word in dropFirst() {
            guard end < utf8.endIndex, utf8[end] == 0x20, utf8.index(after: end) == word.startIndex else {
                return joined(separator: " ")
            }
            end = word.endIndex
        }
        // The words span the whole text: the text itself, no copy.
        if first.startIndex == text.startIndex, end == text.endIndex { return text }
        return String(text[first.startIndex..<end])
    }
}
