/// The character references an HTML attribute value may hold around a URL, decoded and re-escaped for
/// `HTMLLinkRewriter`. Only the references URLs meet in practice are decoded (`&amp;`, `&quot;`, `&#39;`,
/// numeric ones); any other name stays as written, so `?a=1&copy=2` is not turned into `?a=1©=2`.
enum HTMLAttributeValue {
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        // On the bytes given, not `text.utf8.contains`: the string view's generic iteration cost more
        // than the decoding for the short URLs this sees.
        let hasReference = bytes.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "&")) }
            ?? bytes.contains(UInt8(ascii: "&"))
        guard hasReference else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest.index(after: amp)
            guard let semicolon = rest[after...].prefix(12).firstIndex(of: ";"),
                  let decoded = reference(rest[after..<semicolon])
            else {
                out += "&"
                rest = rest[after...]
                continue
            }
            out += decoded
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }

    /// Escaped for a double-quoted attribute value.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for c in value.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
