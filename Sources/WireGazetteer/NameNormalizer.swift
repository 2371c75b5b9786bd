import Foundation

/// One key per name across the spellings wire copy uses, for entity keys here and in `dedupe`/`enrich`.
///
/// "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" share the key `kim jong un`; "Chinese President Xi
/// Jinping" and "Xi Jinping" share `xi jinping` once the leading titles are gone; diacritics fold
/// ("Türkiye" → `turkiye`), full stops vanish ("U.S." → `us`), a leading "the" and a trailing
/// possessive go.
public enum NameNormalizer {
    /// Words that open a name without being part of it: courtesy titles, offices and ranks.
    public static let titleWords: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "sen", "rep", "gov",
        "gen", "lt", "col", "maj", "capt", "adm", "sgt", "president", "vice", "prime", "minister", "premier",
        "chancellor", "chairman", "chairwoman", "chair", "secretary", "general", "leader", "king", "queen",
        "prince", "princess", "emperor", "pope", "ambassador", "envoy", "senator", "governor", "mayor",
        "deputy", "foreign", "defense", "defence", "finance", "trade", "unification", "interior", "justice",
        "state", "chief", "executive", "spokesman", "spokeswoman", "spokesperson", "commander", "director",
        "former", "acting", "first", "supreme", "top", "legislator", "official", "officials", "marshal",
        "lawmaker", "representative", "speaker", "judge", "justice", "professor", "doctor", "coach", "ceo",
    ]

    /// FNV-1a of one word's bytes, ASCII letters lower-cased, full stops and apostrophes skipped: the
    /// same for "N." and "n", "People's" and "peoples".
    @inlinable  // called per word by dedupe's name reader: specialised, not a generic call per byte
    public static func wordHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes where byte != 0x2E && byte != 0x27 {
            hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The key of a name: folded, lower-case, separators unified, titles and "the" stripped.
    public static func key(_ name: some StringProtocol) -> String {
        var words = foldedWords(name)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1, let first = words.first, titleWords.contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Like `key`, but keeps titles: for organisations, whose names are made of such words.
    public static func literalKey(_ name: some StringProtocol) -> String {
        var words = foldedWords(name)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The name as written minus leading titles and "the", keeping its case: "President Xi Jinping" → "Xi Jinping".
    public static func strippingTitles(_ name: String) -> String {
        // Most names open with no title: check the first word before splitting.
        let firstWord = name.prefix { $0 != " " }.lowercased().filter { $0 != "." }
        guard titleWords.contains(firstWord) || firstWord == "the" else { return name }
        var words = name.split(separator: " ")
        while words.count > 1, let first = words.first,
              titleWords.contains(first.lowercased().filter { $0 != "." }) || first == "the" || first == "The" {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// Lower-case ASCII-folded words; hyphens and slashes separate, full stops and apostrophes vanish,
    /// a trailing possessive goes.
    static func foldedWords(_ name: some StringProtocol) -> [String] {
        if let ascii = asciiWords(name) { return ascii }
        var folded = fold(String(name))
        if folded.hasSuffix("'s") { folded.removeLast(2) } else if folded.hasSuffix("'") { folded.removeLast() }
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "." || character == "'" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `foldedWords` for ASCII names, byte by byte; nil when a byte is not ASCII.
    private static func asciiWords(_ name: some StringProtocol) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        var bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.count >= 2, bytes[bytes.count - 1] | 0x20 == UInt8(ascii: "s"), bytes[bytes.count - 2] == UInt8(ascii: "'") {
            bytes.removeLast(2)
        } else if bytes.last == UInt8(ascii: "'") {
            bytes.removeLast()
        }
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: current.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x2E, 0x27: continue
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Lower case, diacritics removed, typographic apostrophes made plain.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let plain = text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        return plain.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }
}
