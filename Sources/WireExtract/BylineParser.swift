import Foundation
import WireGazetteer

/// Reads byline lines: "By Yonhap" (an agency, no person), "By HELENA MARQUES Associated Press",
/// "By Maya Okonkwo and Lars Brenner".
struct BylineParser {
    struct Parsed: Equatable {
        var people: [String]
        var agency: GazetteerEntry?
    }

    static func parse(_ line: String) -> Parsed? {
        var text = line.trimming(" ")
        guard startsWithBy(text) else { return nil }
        // "by " is three ASCII characters when the byte after it is ASCII too: dropped as bytes.
        let utf8 = text.utf8
        if utf8.count > 3, utf8.prefix(4).allSatisfy({ $0 < 0x80 }) {
            text = text[utf8.index(utf8.startIndex, offsetBy: 3)...].trimming(" ")
        } else {
            text = String(text.dropFirst(3)).trimming(" ")
        }
        if let whole = agency(text) { return Parsed(people: [], agency: whole) }
        let (namesText, found) = trailingAgencyASCII(text) ?? trailingAgency(text)
        let names = people(Self.commaForAnd(namesText))
        guard !names.isEmpty || found != nil else { return nil }
        return Parsed(people: names, agency: found)
    }

    /// The names in a list between commas, trimmed, roles left out, title-cased.
    static func people(_ list: String) -> [String] {
        var names: [String] = []
        // Most bylines name one person: without a comma the list is its only piece (as `splitBytes`
        // gives it), kept as it is when no space stands at either end — no array of pieces, no copy.
        var copy = list
        let shape = copy.withUTF8 { bytes in
            (comma: bytes.contains(0x2C), padded: bytes.first == 0x20 || bytes.last == 0x20)
        }
        if !shape.comma {
            if !list.isEmpty { appendPerson(shape.padded ? list.trimming(" ") : list, to: &names) }
            return names
        }
        for piece in list.splitBytes(",") { appendPerson(piece.trimming(" "), to: &names) }
        return names
    }

    private static func appendPerson(_ part: String, to names: inout [String]) {
        if !part.isEmpty && !isRole(part) { names.append(titleCased(part)) }
    }

    /// The agency the last one to four words of the byline name ("Tom Aldridge (AAP)": the agency may
    /// stand in brackets after the names), and the words before it joined by spaces; the general
    /// reading of `trailingAgencyASCII`.
    static func trailingAgency(_ text: String) -> (names: String, agency: GazetteerEntry?) {
        var words = text.splitBytes(" ")
        var found: GazetteerEntry?
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            if let entry = agency(words.suffix(length).joinedBySpaces(in: text).trimming("()[] ")) {
                found = entry
                words.removeLast(length)
                break
            }
        }
        return (words.joinedBySpaces(in: text), found)
    }

    /// `text.lowercased().hasPrefix("by ")`, on the first bytes when they are ASCII: an ASCII letter
    /// lower-cases by one bit, and a space followed by an ASCII byte is a character of its own.
    static func startsWithBy(_ text: String) -> Bool {
        let utf8 = text.utf8
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0
        for byte in utf8.prefix(4) {
            switch count {
            case 0: bytes.0 = byte
            case 1: bytes.1 = byte
            case 2: bytes.2 = byte
            default: bytes.3 = byte
            }
            count += 1
        }
        guard count >= 3, bytes.0 < 0x80, bytes.1 < 0x80, bytes.2 < 0x80 else { return text.lowercased().hasPrefix("by ") }
        guard bytes.0 | 0x20 == 0x62, bytes.1 | 0x20 == 0x79, bytes.2 == 0x20 else { return false }
        return count == 3 || bytes.3 < 0x80 || text.lowercased().hasPrefix("by ")
    }

    /// " and " → ", " (`replacingOccurrences`), on bytes for ASCII text: Foundation's search cost more
    /// than the rest of the byline.
    static func commaForAnd(_ text: String) -> String {
        // Most bylines hold no " and ": one pass over the contiguous bytes says so, and the text stays.
        var copy = text
        let plain = copy.withUTF8 { bytes -> Bool in
            guard bytes.count >= 5 else { return true }
            for start in 0...(bytes.count - 5) where bytes[start] == 0x20 && bytes[start + 4] == 0x20
                && bytes[start + 1] == UInt8(ascii: "a") && bytes[start + 2] == UInt8(ascii: "n") && bytes[start + 3] == UInt8(ascii: "d") {
                return false
            }
            return true
        }
        if plain { return text }
        guard text.isASCIIBytes else { return text.replacingOccurrences(of: " and ", with: ", ") }
        let bytes = Array(text.utf8)
        let pattern = Array(" and ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: ", ".utf8)
                index += pattern.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "Reporter: Ni Putu Sari" → "Ni Putu Sari": a short label before a colon.
    static func droppingLabel(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 12 else { return line }
        return String(line[line.index(after: colon)...]).trimming(" ")
    }

    /// "Staff reporter", "Associated Press Writer": what a byline says of the person, not a name.
    static func isRole(_ part: String) -> Bool {
        // Both tests are pure: the one-character test first, the word search only for capitalised parts.
        if let first = part.utf8.first, first < 0x80, part.utf8.count == 1 || part.utf8.dropFirst().first.map({ $0 < 0x80 }) == true {
            // An ASCII byte before another is a character of its own (or "\r\n", no capital either).
            if !(first >= 0x41 && first <= 0x5A) { return true }
        } else if part.first.map({ !$0.isUppercase }) ?? true {
            return true
        }
        if let ascii = isRoleASCII(part) { return ascii }
        var lower = part.lowercased()
        // Foundation's search finds an ASCII role word only where its letters stand as bytes (no other
        // character is canonically equivalent to a lower-case ASCII letter): text without any of them
        // needs none of its eight searches, which cost more than the rest of the byline.
        guard lower.withUTF8({ roleWordBytesFound(in: $0) }) else { return false }
        return roleWords.contains { contains(lower, $0) }
    }

    static let roleWords = ["reporter", "writer", "correspondent", "staff", "editor", "columnist", "contributor", "photographer"]

    /// The role-word search on ASCII text, in one pass over the part's own bytes: at each byte whose
    /// folded letter starts a role word, those words are compared, capitals folded as they are read
    /// (one scan per role word cost eight passes over the part); nil for other text.
    private static func isRoleASCII(_ part: String) -> Bool? {
        var copy = part
        return copy.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return roleWordBytesFound(in: bytes)
        }
    }

    /// Whether a role word's letters stand in the bytes, capitals folded (on ASCII text, what the
    /// role-word search finds; on other text, a test that passes wherever that search can find one).
    private static func roleWordBytesFound(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in bytes.indices {
            // The role words by initial, as static text: no array of patterns to walk and retain.
            let found: Bool
            switch bytes[start] | 0x20 {
            case 0x72: found = matchesFolded("reporter", in: bytes, at: start)
            case 0x77: found = matchesFolded("writer", in: bytes, at: start)
            case 0x63:
                found = matchesFolded("correspondent", in: bytes, at: start) || matchesFolded("columnist", in: bytes, at: start)
                    || matchesFolded("contributor", in: bytes, at: start)
            case 0x73: found = matchesFolded("staff", in: bytes, at: start)
            case 0x65: found = matchesFolded("editor", in: bytes, at: start)
            case 0x70: found = matchesFolded("photographer", in: bytes, at: start)
            default: found = false
            }
            if found { return true }
        }
        return false
    }

    /// True when the lower-case pattern stands at `start` in the ASCII bytes, capitals folded (the
    /// byte at `start` already matched the pattern's initial, folded by one bit).
    private static func matchesFolded(_ pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard bytes.count - start >= count else { return false }
        let letters = pattern.utf8Start
        for offset in 1..<count {
            let byte = bytes[start + offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != letters[offset] { return false }
        }
        return true
    }


    /// `text.contains(needle)`, searched on bytes when the text is ASCII (Foundation's search cost
    /// more than the rest of the byline); other text keeps Foundation's comparison.
    static func contains(_ text: String, _ needle: String) -> Bool {
        guard text.isASCIIBytes else { return text.contains(needle) }
        return firstOffset(of: Array(needle.utf8), in: Array(text.utf8)) != nil
    }

    /// The byte offset of the first occurrence of `pattern` in `bytes`.
    static func firstOffset(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }

    /// Parts of Western compound given names, capitalised after the hyphen ("Jean-Paul"); other
    /// hyphenated parts are romanised syllables, written in lower case ("Tong-hyung").
    static let capitalisedCompoundParts: Set<String> = [
        "paul", "pierre", "claire", "louis", "marie", "baptiste", "luc", "michel", "philippe", "jacques",
        "francois", "yves", "christophe", "anne", "sophie", "christine", "claude", "marc", "laure", "noel",
    ]

    static func agency(_ text: String) -> GazetteerEntry? {
        Gazetteer.shared.lookup(text).first { $0.kind == .agency }
    }

    /// "HELENA MARQUES" → "Helena Marques"; mixed case is left as written.
    static func titleCased(_ name: String) -> String {
        var copy = name
        switch copy.withUTF8({ titleCasedASCII($0) }) {
        case .unchanged: return name
        case .cased(let cased): return cased
        case .notASCII: break
        }
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        return name.split(separator: " ").map { word in
            word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { offset, part in
                offset > 0 && !capitalisedCompoundParts.contains(part.lowercased()) ? part.lowercased()
                    : part.prefix(1).uppercased() + part.dropFirst().lowercased()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// What `titleCasedASCII` found: text left as written needs no copy of its bytes.
    private enum TitleCasing {
        case notASCII, unchanged, cased(String)
    }

    /// `titleCased` on ASCII bytes, where letters are A–Z and a–z and case maps by one bit.
    private static func titleCasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> TitleCasing {
        var capital = false
        var lower = false
        for byte in bytes {
            if byte >= 0x80 { return .notASCII }
            if byte >= 0x61 && byte <= 0x7A { lower = true }
            if byte >= 0x41 && byte <= 0x5A { capital = true }
        }
        guard capital, !lower else { return .unchanged }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            // Words between spaces, joined by one space; parts between hyphens, each hyphen kept.
            guard bytes[index] != 0x20 else { index += 1; continue }
            if !out.isEmpty { out.append(0x20) }
            var part = 0
            var start = index
            while true {
                let end = index < bytes.count && bytes[index] != 0x20 && bytes[index] != 0x2D ? nil : index
                guard let end else { index += 1; continue }
                appendTitleCasedPart(bytes[start..<end], first: part == 0, to: &out)
                guard end < bytes.count, bytes[end] == 0x2D else { break }
                out.append(0x2D)
                part += 1
                index = end + 1
                start = index
            }
        }
        return .cased(String(decoding: out, as: UTF8.self))
    }

    /// One part of a word: capital then lower case, or all lower case after a hyphen unless it is a
    /// `capitalisedCompoundParts` name.
    private static func appendTitleCasedPart(_ part: Slice<UnsafeBufferPointer<UInt8>>, first: Bool, to out: inout [UInt8]) {
        let start = out.count
        for byte in part { out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        guard start < out.count else { return }
        if first || capitalisedCompoundParts.contains(String(decoding: out[start...], as: UTF8.self)) {
            if out[start] >= 0x61 && out[start] <= 0x7A { out[start] &= 0xDF }
        }
    }
}
