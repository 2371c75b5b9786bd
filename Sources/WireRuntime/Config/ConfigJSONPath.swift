/// Spells the JSON path of a value the way messages show it: `sinks[2].path`, `["$schema"]`.
enum ConfigJSONPath {
    static func member(_ parent: String, _ key: String) -> String {
        guard isIdentifier(key) else { return parent + "[" + JSONLiteral.string(key).render() + "]" }
        return parent.isEmpty ? key : parent + "." + key
    }

    static func element(_ parent: String, _ index: Int) -> String {
        parent + "[\(index)]"
    }

    /// Keys that read unambiguously after a dot; anything else is quoted in brackets.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }
}
