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
        guard let resolved = URIResolver.resolve(link, against: base), !resolved.isEmpty else { return link }
        return isUnsafe(resolved) ? nil : resolved
    }

    /// Browsers ignore tabs, newlines and leading controls inside a scheme (`java\tscript:`), so this
    /// does too before comparing.
    static func isUnsafe(_ link: String) -> Bool {
        var scheme = ""
        for scalar in link.unicodeScalars {
            if scalar.value <= 0x20 { continue }
            if scalar == ":" { break }
            if scalar == "/" || scalar == "?" || scalar == "#" || scheme.count > 16 { return false }
            scheme.unicodeScalars.append(scalar)
        }
        return unsafeSchemes.contains(scheme.lowercased())
    }
}
