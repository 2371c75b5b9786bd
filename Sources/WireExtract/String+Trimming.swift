/// Trimming without Foundation's `CharacterSet` bridging, which costs more than the rest of a short
/// furniture line's parsing.
extension StringProtocol {
    /// The text without the given characters at either end (compared as Unicode scalars).
    func trimming(_ characters: String) -> String {
        // `characters` is a handful of scalars: a linear search beats building a set per call.
        let unwanted = characters.unicodeScalars
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted.contains($0) }),
              let last = scalars.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        // Scalar boundaries are UTF-8 boundaries: the kept bytes decode to exactly the kept scalars.
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}
