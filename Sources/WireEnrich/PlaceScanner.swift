import WireGazetteer

/// Finds the places a text names — countries, demonyms ("North Korean"), cities ("Pyongyang") — by
/// longest match against the gazetteer over capitalised words, and yields their ISO alpha-2 codes.
struct PlaceScanner: Sendable {
    let gazetteer: Gazetteer

    /// The country code of every place named, in order, once per mention.
    func countryCodes(in text: Substring) -> [String] {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            countryCodes(bytes, words: Self.asciiWordRanges(bytes) ?? Self.byteRanges(of: Self.unicodeWords(text), in: text))
        }
        return found ?? referenceCountryCodes(in: text)
    }

    /// `referenceCountryCodes` on the text's bytes and its words' byte ranges: capitals tested on bytes
    /// where a byte decides, runs joined into one reused buffer, and the gazetteer asked for a key only
    /// when its hash of the run's bytes says the key may be there (`Gazetteer.mayName`).
    private func countryCodes(_ bytes: UnsafeBufferPointer<UInt8>, words: [Range<Int>]) -> [String] {
        var codes: [String] = []
        var surface: [UInt8] = []
        var index = 0
        while index < words.count {
            guard Self.isCapitalised(bytes, words[index]),
                  gazetteer.mayStartName(wordHash: NameNormalizer.wordHash(bytes[words[index]])) else {
                index += 1
                continue
            }
            var matched = 1
            for length in stride(from: nameRunLength(bytes, words, from: index), through: 1, by: -1) {
                surface.removeAll(keepingCapacity: true)
                for word in words[index..<(index + length)] {
                    if word.lowerBound != words[index].lowerBound { surface.append(0x20) }
                    surface.append(contentsOf: bytes[word])
                }
                guard surface.withUnsafeBufferPointer({ gazetteer.mayName(surface: $0) }) else { continue }
                let name = String(decoding: surface, as: UTF8.self)
                if let entry = gazetteer.lookup(name).first(where: { $0.kind.isPlace }), let code = entry.countryCode {
                    codes.append(code)
                    matched = length
                    break
                }
            }
            index += matched
        }
        return codes
    }

    /// `nameRunLength` on byte ranges.
    private func nameRunLength(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>], from start: Int) -> Int {
        var length = 1
        while length < gazetteer.maxNameWords, start + length < words.count {
            let word = bytes[words[start + length]]
            guard Self.isCapitalised(bytes, words[start + length])
                || word.elementsEqual("of".utf8) || word.elementsEqual("and".utf8) || word.elementsEqual("the".utf8)
            else { break }
            length += 1
        }
        return length
    }

    /// `word.first?.isUppercase` for the word at `range`. An ASCII byte followed by another is a
    /// character of its own (CR LF aside, which is no capital either way), and among ASCII characters
    /// only A–Z are upper case; anything else asks `Character`, which costs far more.
    static func isCapitalised(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let first = bytes[range.lowerBound]
        if first < 0x80, range.count == 1 || bytes[range.lowerBound + 1] < 0x80 { return first >= 0x41 && first <= 0x5A }
        return String(decoding: bytes[range], as: UTF8.self).first?.isUppercase ?? false
    }

    /// Byte offsets of words cut from `text`, relative to its first byte.
    static func byteRanges(of words: [Substring], in text: Substring) -> [Range<Int>] {
        words.map { word in
            let lower = text.utf8.distance(from: text.startIndex, to: word.startIndex)
            return lower..<(lower + word.utf8.count)
        }
    }

    /// The country codes by `Character`-based words and tests: what `countryCodes` must return.
    func referenceCountryCodes(in text: Substring) -> [String] {
        let words = Self.words(text)
        var codes: [String] = []
        var index = 0
        while index < words.count {
            guard let first = words[index].first, first.isUppercase,
                  gazetteer.mayStartName(wordHash: NameNormalizer.wordHash(words[index].utf8)) else {
                index += 1
                continue
            }
            var matched = 1
            for length in stride(from: nameRunLength(words, from: index), through: 1, by: -1) {
                let surface = words[index..<(index + length)].joined(separator: " ")
                if let entry = gazetteer.lookup(surface).first(where: { $0.kind.isPlace }), let code = entry.countryCode {
                    codes.append(code)
                    matched = length
                    break
                }
            }
            index += matched
        }
        return codes
    }

    /// How many words from `start` could form one name: capitalised words and the joining words
    /// names hold ("Bosnia and Herzegovina", "Republic of Korea"), at most the gazetteer's longest.
    private func nameRunLength(_ words: [Substring], from start: Int) -> Int {
        var length = 1
        while length < gazetteer.maxNameWords, start + length < words.count {
            let word = words[start + length]
            guard word.first?.isUppercase ?? false || word == "of" || word == "and" || word == "the" else { break }
            length += 1
        }
        return length
    }

    /// Words split at spaces and between capitalised halves of a hyphenated pair ("China-DPRK"); outer
    /// punctuation trimmed, the full stop of an abbreviation ("N.", "U.S.") kept.
    static func words(_ text: Substring) -> [Substring] {
        if let words = asciiWords(text) { return words }
        return unicodeWords(text)
    }

    /// `words` for text that is not plain ASCII.
    static func unicodeWords(_ text: Substring) -> [Substring] {
        SingleScalarText.holds(text) ? scalarWords(text) : characterWords(text)
    }

    /// `characterWords` for ASCII text without carriage returns (each byte a character), on bytes; nil otherwise.
    static func asciiWords(_ text: Substring) -> [Substring]? {
        let ranges: [Range<Int>]?? = text.utf8.withContiguousStorageIfAvailable(asciiWordRanges)
        guard let found = ranges, let offsets = found else { return nil }
        let utf8 = text.utf8
        return offsets.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return text[lower..<upper]
        }
    }

    /// The byte ranges of `asciiWords`; nil unless every byte is ASCII and none a carriage return.
    /// One pass: words end at spaces, line feeds and tabs, and note on the way whether they hold a hyphen.
    static func asciiWordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 4 + 1)
        var start = 0
        var hyphen = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || byte == 0x0D { return nil }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                if start < index { appendASCIIWords(bytes, start..<index, hyphen: hyphen, to: &ranges) }
                start = index + 1
                hyphen = false
            } else if byte == 0x2D {
                hyphen = true
            }
        }
        if start < bytes.count { appendASCIIWords(bytes, start..<bytes.count, hyphen: hyphen, to: &ranges) }
        return ranges
    }

    private static func appendASCIIWords(
        _ bytes: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>, hyphen: Bool, to ranges: inout [Range<Int>]
    ) {
        // Most words hold no hyphen: they are their own single part, never a compound.
        guard hyphen else {
            let word = trimASCII(bytes, raw)
            if !word.isEmpty { ranges.append(word) }
            return
        }
        var parts: [Range<Int>] = []
        var start = raw.lowerBound
        for index in raw.lowerBound...raw.upperBound where index == raw.upperBound || bytes[index] == 0x2D {
            if start < index { parts.append(start..<index) }
            start = index + 1
        }
        let compound = parts.count > 1 && parts.allSatisfy { (0x41...0x5A).contains(bytes[$0.lowerBound]) }
        for part in compound ? parts : [raw] {
            let word = trimASCII(bytes, part)
            if !word.isEmpty { ranges.append(word) }
        }
    }

    private static func trimASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Range<Int> {
        func kept(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        }
        var lower = word.lowerBound
        while lower < word.upperBound, !kept(bytes[lower]) { lower += 1 }
        var upper = word.upperBound
        while upper > lower, !kept(bytes[upper - 1]) {
            // "N." and "U.S." keep their full stop; a sentence's last word loses it.
            if bytes[upper - 1] == 0x2E, bytes[lower..<(upper - 1)].contains(0x2E) || upper - lower == 2 { break }
            upper -= 1
        }
        return lower..<upper
    }

    /// `characterWords` for text whose characters are single scalars, walking scalars (same cuts, faster).
    static func scalarWords(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\t" {
                if start < index { appendScalarWords(scalars[start..<index], to: &words) }
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex { appendScalarWords(scalars[start...], to: &words) }
        return words
    }

    private static func appendScalarWords(_ raw: Substring.UnicodeScalarView, to words: inout [Substring]) {
        let parts = raw.split(separator: "-")
        let compound = parts.count > 1 && parts.allSatisfy { part in
            part.first.map { SingleScalarText.character($0).isUppercase } ?? false
        }
        for part in compound ? parts : [raw] {
            let word = trimScalars(part)
            if !word.isEmpty { words.append(Substring(word)) }
        }
    }

    private static func trimScalars(_ word: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        func kept(_ scalar: Unicode.Scalar) -> Bool {
            let character = SingleScalarText.character(scalar)
            return character.isLetter || character.isNumber
        }
        var word = word.drop { !kept($0) }
        while let last = word.last, !kept(last) {
            if last == ".", word.dropLast().contains(".") || word.count == 2 { break }
            word = word.dropLast()
        }
        return word
    }

    /// Splits by characters; the reference `scalarWords` must match.
    static func characterWords(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            for part in splitCompound(raw) {
                let word = trim(part)
                if !word.isEmpty { words.append(word) }
            }
        }
        return words
    }

    private static func splitCompound(_ word: Substring) -> [Substring] {
        let parts = word.split(separator: "-")
        guard parts.count > 1, parts.allSatisfy({ $0.first?.isUppercase ?? false }) else { return [word] }
        return parts
    }

    private static func trim(_ word: Substring) -> Substring {
        var word = word.drop { !($0.isLetter || $0.isNumber) }
        while let last = word.last, !(last.isLetter || last.isNumber) {
            // "N." and "U.S." keep their full stop; a sentence's last word loses it.
            if last == ".", word.dropLast().contains(".") || word.count == 2 { break }
            word = word.dropLast()
        }
        return word
    }
}
