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
    /// same for "N." and "n", "People's" and "peoples". Inlinable so that callers in other modules get
    /// it specialised for their byte collection (the generic version cost more than the hashing).
    @inlinable public static func wordHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
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
        if let key = asciiLiteralKey(name) { return key }
        if let plain = latin1Folded(name), let key = asciiLiteralKey(plain) { return key }
        var words = foldedWords(name)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The name as written minus leading titles and "the", keeping its case: "President Xi Jinping" → "Xi Jinping".
    public static func strippingTitles(_ name: String) -> String {
        // Most names open with no title: check the first word before splitting, on its bytes when
        // they are ASCII.
        if isPlainFirstWordASCII(name) { return name }
        var copy = name
        if let stripped = copy.withUTF8({ asciiStrippingTitles($0) }) { return stripped ?? name }
        return characterStrippingTitles(name)
    }

    /// `characterStrippingTitles` for an ASCII name, on its bytes, where lower-casing, dropping full
    /// stops and splitting at spaces are what they are on `Character`s, without a `String` per word
    /// (tens of thousands of instructions a titled name). Nil when a byte is not ASCII; `.some(nil)`
    /// when the name is returned as it is.
    static func asciiStrippingTitles(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        for byte in bytes where byte >= 0x80 { return nil }
        // A word lower-cased without its full stops, and whether it is a title word (or, with
        // `orThe`, "the").
        func isTitle(_ word: Range<Int>, orThe: Bool) -> Bool {
            let folded = String(decoding: bytes[word].lazy.filter { $0 != 0x2E }.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            return titleWords.contains(folded) || (orThe && folded == "the")
        }
        let firstEnd = bytes.firstIndex(of: 0x20) ?? bytes.count
        guard isTitle(0..<firstEnd, orThe: true) else { return .some(nil) }
        var words: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start { words.append(start..<index) }
            start = index + 1
        }
        var first = 0
        while words.count - first > 1 {
            let word = words[first]
            let isThe = word.count == 3 && (bytes[word.lowerBound] == UInt8(ascii: "t") || bytes[word.lowerBound] == UInt8(ascii: "T"))
                && bytes[word.lowerBound + 1] == UInt8(ascii: "h") && bytes[word.lowerBound + 2] == UInt8(ascii: "e")
            guard isTitle(word, orThe: false) || isThe else { break }
            first += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for word in words[first...] {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: bytes[word])
        }
        return .some(String(decoding: out, as: UTF8.self))
    }

    /// `strippingTitles` on `Character`s: the path for names beyond ASCII, and the reference the byte
    /// path is tested against.
    static func characterStrippingTitles(_ name: String) -> String {
        let firstWord = name.prefix { $0 != " " }.lowercased().filter { $0 != "." }
        guard titleWords.contains(firstWord) || firstWord == "the" else { return name }
        var words = name.split(separator: " ")
        while words.count > 1, let first = words.first,
              titleWords.contains(first.lowercased().filter { $0 != "." }) || first == "the" || first == "The" {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// True when the name's first word (up to a space) is ASCII and, lower-cased without full stops,
    /// neither a title nor "the": `strippingTitles` then returns the name as it is.
    ///
    /// The word is hashed as read and looked for among the titles' hashes: no array, `String` or `Set`
    /// hashing for the names (nearly all) whose first word is no title. A hash a title has (or, by a
    /// chance of one in 2^64, shares) is settled by comparing the words.
    private static func isPlainFirstWordASCII(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { bytes in
            let end = bytes.firstIndex(of: 0x20) ?? bytes.count
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes[..<end] where byte != 0x2E {
                if byte >= 0x80 { return false }
                hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3
            }
            guard titleWordHashes.contains(hash) else { return true }
            var word: [UInt8] = []
            for byte in bytes[..<end] where byte != 0x2E { word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            let text = String(decoding: word, as: UTF8.self)
            return text != "the" && !titleWords.contains(text)
        }
    }

    /// FNV-1a of the bytes of each title word and of "the", as `isPlainFirstWordASCII` hashes a word.
    private static let titleWordHashes: Set<UInt64> = Set((titleWords.union(["the"])).map { word in
        word.utf8.reduce(0xcbf2_9ce4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    })

    /// Lower-case ASCII-folded words; hyphens and slashes separate, full stops and apostrophes vanish,
    /// a trailing possessive goes.
    static func foldedWords(_ name: some StringProtocol) -> [String] {
        if let ascii = asciiWords(name) { return ascii }
        if let plain = latin1Folded(name), let ascii = asciiWords(plain) { return ascii }
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

    /// `literalKey` for ASCII names in one pass over the bytes, without a `String` per word (every
    /// gazetteer lookup makes one); nil when a byte is not ASCII.
    private static func asciiLiteralKey(_ name: some StringProtocol) -> String? {
        var text = String(name)
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // Written straight into the string's storage: a key is never longer than its name.
            return String(unsafeUninitializedCapacity: bytes.count) { out in writeASCIILiteralKey(bytes, into: out) }
        }
    }

    /// Writes the `literalKey` of ASCII `bytes` into `out` (room for `bytes.count` bytes at least) and
    /// returns its length: a space is written only after a separator byte was read, so the key is
    /// never longer than the name.
    static func writeASCIILiteralKey(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        if end >= 2, bytes[end - 1] | 0x20 == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
            end -= 2
        } else if end >= 1, bytes[end - 1] == UInt8(ascii: "'") {
            end -= 1
        }
        var count = 0
        var inWord = false
        var words = 0
        var firstWordLength = 0
        for byte in bytes[0..<end] {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                if !inWord {
                    if words > 0 { out[count] = 0x20; count += 1 }
                    words += 1
                    inWord = true
                }
                out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            case 0x2E, 0x27:
                continue
            default:
                if inWord, words == 1 { firstWordLength = count }
                inWord = false
            }
        }
        if inWord, words == 1 { firstWordLength = count }
        // A leading "the" goes when other words follow.
        if words > 1, firstWordLength == 3, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65 {
            for index in 4..<count { out[index - 4] = out[index] }
            return count - 4
        }
        return count
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

    /// The ASCII letter each precomposed Latin-1 letter U+00C0…U+00FF folds to (diacritics and case
    /// away), indexed by its second UTF-8 byte minus 0x80; 0 for the letters `fold` keeps as they are
    /// (Æ Ð Ø Þ ß æ ð ø þ) and for × and ÷.
    static let latin1Folds: [UInt8] = Array("aaaaaa-ceeeeiiii-nooooo--uuuuy--aaaaaa-ceeeeiiii-nooooo--uuuuy-y".utf8).map { $0 == 0x2D ? 0 : $0 }

    /// The name with its Latin-1 accented letters folded to ASCII ("Lourenço" → "Lourenco"), which is
    /// what `fold` makes of them after lower-casing, without Foundation's folding (tens of thousands
    /// of instructions a name); nil when any other non-ASCII character is in it.
    static func latin1Folded(_ name: some StringProtocol) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var iterator = name.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            guard byte == 0xC3, let second = iterator.next(), second >= 0x80, second <= 0xBF else { return nil }
            let folded = latin1Folds[Int(second - 0x80)]
            guard folded != 0 else { return nil }
            out.append(folded)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower case, diacritics removed, typographic apostrophes made plain.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Typographic apostrophes (E2 80 98/99) are rare: look for their bytes before asking Foundation.
        let bytes = Array(text.utf8)
        let hasCurlyQuote = bytes.indices.contains { index in
            index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99)
        }
        let plain = hasCurlyQuote
            ? text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'") : text
        return plain.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }
}
