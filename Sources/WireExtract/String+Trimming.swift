/// Trimming without Foundation's `CharacterSet` bridging, which costs more than the rest of a short
/// furniture line's parsing.
extension StringProtocol {
    /// The text without the given characters at either end (compared as Unicode scalars).
    func trimming(_ characters: String) -> String {
        let unwanted = Set(characters.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted.contains($0) }),
              let last = scalars.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
