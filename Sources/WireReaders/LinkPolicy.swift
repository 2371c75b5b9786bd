import LibXML

/// Which links from a feed are kept, and how relative ones become absolute.
enum LinkPolicy {
    /// Schemes that run code or embed content rather than point at a story.
    static let unsafeSchemes: Set<String> = ["javascript", "data", "vbscript", "file"]

    /// `raw` resolved against `base`, or nil when it is empty or unsafe. A relative link with no base
    /// at all is kept as given rather than dropped or guessed at.
    static func resolve(_ raw: String, base: String?) -> String? {
        let link = raw.trimmingWhitespace()
        guard !link.isEmpty, !isUnsafe(link) else { return nil }
        guard let base, !isUnsafe(base) else { return link }
        // libxml2 (2.9) returns a reference that has a scheme exactly as given, and one that starts like
        // it has but does not parse comes back unresolved too: either way the link itself. Most feed links
        // are absolute, so this skips a parse, a copy and a free per link.
        if startsWithScheme(link) { return link }
        guard let resolved = URIResolver.resolve(link, against: base) ?? resolveNonASCII(link, base: base),
              !resolved.isEmpty
        else { return link }
        return isUnsafe(resolved) ? nil : resolved
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` at the start, as libxml2's URI parser reads a scheme.
    static func startsWithScheme(_ link: String) -> Bool {
        var first = true
        for byte in link.utf8 {
            let isAlpha = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if first {
                guard isAlpha else { return false }
                first = false
                continue
            }
            if byte == UInt8(ascii: ":") { return true }
            let isDigit = byte >= 0x30 && byte <= 0x39
            guard isAlpha || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return false }
        }
        return false
    }

    /// libxml2 refuses references with raw non-ASCII characters (`café.html`, an IRI): those are
    /// percent-encoded for resolution and decoded again afterwards, so the link keeps its own spelling.
    private static func resolveNonASCII(_ link: String, base: String) -> String? {
        guard link.utf8.contains(where: { $0 >= 0x80 }), !link.contains("%") else { return nil }
        var encoded = ""
        for byte in link.utf8 {
            if byte >= 0x80 {
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            } else {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        guard let resolved = URIResolver.resolve(encoded, against: base) else { return nil }
        return percentDecodingNonASCII(resolved)
    }

    /// `%XX` sequences for bytes 0x80 and above turned back into the characters they spell.
    private static func percentDecodingNonASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16), value >= 0x80 {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Browsers ignore tabs, newlines and leading controls inside a scheme (`java\tscript:`), so this
    /// does too before comparing. On bytes: the unsafe schemes are ASCII, and no non-ASCII character
    /// lower-cases to a letter they contain, so a scheme with a non-ASCII byte is never one of them.
    static func isUnsafe(_ link: String) -> Bool {
        var scheme: [UInt8] = []
        scheme.reserveCapacity(17)
        for byte in link.utf8 {
            if byte <= 0x20 { continue }
            if byte == UInt8(ascii: ":") { break }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte >= 0x80
                || scheme.count > 16 {
                return false
            }
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return unsafeSchemeBytes.contains(scheme)
    }

    private static let unsafeSchemeBytes: [[UInt8]] = unsafeSchemes.map { Array($0.utf8) }
}
