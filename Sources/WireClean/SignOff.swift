/// Agency sign-offs at the end of a story: "(Yonhap)", "(END)", "Enditem", "— AFP", desk initials.
enum SignOff {
    /// A credit that names an agency or desk: one to four words, each capitalised or an acronym,
    /// joined by spaces, `/` or `-` ("Yonhap", "AP", "KCNA/Kyodo", "Xinhua News Agency").
    static func isAgencyLike(_ text: Substring) -> Bool {
        if let verdict = asciiAgencyLike(text) { return verdict }
        let words = text.splitASCII(" /")
        guard (1...4).contains(words.count), text.count <= 40 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "&" || $0 == "'" }
        }
    }

    /// `isAgencyLike` on bytes for ASCII text without CR (where every byte is one character), or nil.
    private static func asciiAgencyLike(_ text: Substring) -> Bool? {
        text.withUTF8Bytes(asciiAgencyLike)
    }

    /// The same on bytes the caller holds (a credit inside a caption's buffer): no string is made
    /// for ASCII text; nil for other text, which `isAgencyLike` reads by character.
    static func asciiAgencyLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var words = 0
        var wordStart = true
        var count = 0
        for byte in bytes {
            guard byte < 0x80, byte != 0x0D else { return nil }
            count += 1
            if byte == 0x20 || byte == UInt8(ascii: "/") {
                wordStart = true
                continue
            }
            let letter = (byte | 0x20) &- 0x61 < 26
            if wordStart {
                // Each word opens with a capital.
                guard byte &- 0x41 < 26 else { return false }
                words += 1
                wordStart = false
            } else if !letter, byte != UInt8(ascii: "-"), byte != UInt8(ascii: "."), byte != UInt8(ascii: "&"), byte != UInt8(ascii: "'") {
                return false
            }
        }
        return (1...4).contains(words) && count <= 40
    }

    /// AFP-style desk initials: lower-case groups joined by `/` or `-`, with at least one `/`
    /// ("bur-jkm/rox", "ks/jm").
    static func isDeskInitials(_ text: Substring) -> Bool {
        guard text.utf8.count <= 30, text.containsByte(UInt8(ascii: "/")) else { return false }
        let groups = text.splitASCII("/-")
        return groups.count >= 2 && groups.allSatisfy { (2...6).contains($0.count) && $0.allSatisfy { $0.isLowercase && $0.isASCII } }
    }

    /// An agency name and desk initials ("dpa ak/fz", "AFP bur-jkm/rox").
    static func isAgencyWithDeskInitials(_ text: Substring) -> Bool {
        let words = text.splitASCII()
        guard words.count == 2 else { return false }
        return LineRules.agencies.contains(words[0].lowercased()) && isDeskInitials(words[1])
    }

    /// Desk codes below a story, an agency name then upper-case initials ("PTI KSU RHL").
    static func isDeskCodes(_ text: String) -> Bool {
        let words = text.splitASCII()
        guard (2...6).contains(words.count), let agency = words.first,
              LineRules.agencies.contains(agency.lowercased()) else { return false }
        return words.dropFirst().allSatisfy { (2...5).contains($0.count) && $0.allSatisfy { $0.isUppercase && $0.isASCII } }
    }

    /// Splits a trailing sign-off from the last story paragraph: the paragraph without it, and the
    /// sign-off. Only after a finished sentence, so "(NATO)" inside a sentence stays.
    static func splitTrailing(_ text: String) -> (story: String, signOff: String)? {
        guard let lastSpaceOffset = text.withUTF8Bytes({ $0.lastIndex(of: 0x20) }) else { return nil }
        let lastSpace = text.utf8.index(text.utf8.startIndex, offsetBy: lastSpaceOffset)
        let lastWord = text[characterAfterSpace(text, at: lastSpace)...]
        // End markers are ASCII of at most seven bytes, and no longer text is canonically equal to one.
        if (lastWord.utf8.count <= 7 && mayBeEndMarker(lastWord) && LineRules.endMarkers.contains(String(lastWord)))
            || isDeskInitials(lastWord) {
            // "… on Saturday. dpa ak/fz": the agency before the initials goes with them.
            if let agencySpace = text[..<lastSpace].utf8.lastIndex(of: 0x20),
               LineRules.agencies.contains(text[characterAfterSpace(text, at: agencySpace)..<lastSpace].lowercased()),
               let split = finish(text, at: agencySpace, signOff: text[text.index(after: agencySpace)...]) {
                return split
            }
            return finish(text, at: lastSpace, signOff: lastWord)
        }
        if text.endsWithCharacter(")") || text.endsWithCharacter("]") {
            let open: Character = text.endsWithCharacter(")") ? "(" : "["
            guard let start = text.lastIndex(of: open) else { return nil }
            let inner = text[text.index(after: start)..<text.index(before: text.endIndex)]
            guard isAgencyLike(inner) else { return nil }
            return finish(text, at: start, signOff: text[start...])
        }
        // "… the ministry said. — AFP"
        guard containsDash(text) else { return nil }
        for dash in [" — ", " -- ", " – "] {
            guard let range = text.lastRange(ofASCII: dash) else { continue }
            let agency = text[range.upperBound...]
            guard isAgencyLike(agency), agency.splitASCII().count <= 3 else { continue }
            return finish(text, at: range.lowerBound, signOff: text[text.index(after: range.lowerBound)...])
        }
        return nil
    }

    /// First bytes of the end markers. A word opening with another ASCII byte equals none of them:
    /// its canonical decomposition opens with that byte too. A non-ASCII first byte is looked up
    /// (the Kelvin sign, for one, decomposes to "K").
    private static let endMarkerFirstBytes = Set(LineRules.endMarkers.compactMap(\.utf8.first))

    static func mayBeEndMarker(_ word: Substring) -> Bool {
        guard let first = word.utf8.first else { return true }
        return first >= 0x80 || endMarkerFirstBytes.contains(first)
    }

    /// `text.index(after: space)` for the index of a space: one byte on when an ASCII byte (or the
    /// end) follows, for no ASCII scalar joins a space's character (`index(after:)` reads grapheme
    /// breaks); otherwise `index(after:)` decides.
    static func characterAfterSpace(_ text: String, at space: String.Index) -> String.Index {
        let next = text.utf8.index(after: space)
        return next == text.utf8.endIndex || text.utf8[next] < 0x80 ? next : text.index(after: space)
    }

    /// Whether the text holds "--", "—" or "–" anywhere: one pass, instead of a backward search for
    /// each dash through paragraphs that have none.
    private static func containsDash(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var index = 0
            // Only "-" and the lead byte of "–" and "—" can start a dash: the search skips to them.
            while let found = bytes.firstIndex(of: UInt8(ascii: "-"), or: 0xE2, from: index) {
                guard found + 1 < bytes.count else { return false }
                if bytes[found] == UInt8(ascii: "-") {
                    if bytes[found + 1] == UInt8(ascii: "-") { return true }
                } else if found + 2 < bytes.count, bytes[found + 1] == 0x80, bytes[found + 2] == 0x93 || bytes[found + 2] == 0x94 {
                    return true
                }
                index = found + 1
            }
            return false
        }
    }

    private static func finish(_ text: String, at cut: String.Index, signOff: Substring) -> (story: String, signOff: String)? {
        let story = text[..<cut].withoutTrailingSpaces
        guard LineShape.endsLikeSentence(story) else { return nil }
        return (story, String(signOff).trimmingCharacters(in: " "))
    }
}
