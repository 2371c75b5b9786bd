/// Site and publisher names standing alone on a line.
enum SiteNames {
    /// Last words of newspaper, agency and broadcaster names.
    private static let mastheadWords: Set<String> = [
        "herald", "times", "post", "news", "daily", "journal", "tribune", "gazette", "telegraph", "guardian",
        "observer", "chronicle", "express", "standard", "review", "courier", "ledger", "ilbo", "shimbun", "sinmun",
        "nippo", "mail", "star", "sun", "today", "online", "wire", "press", "agency", "network", "broadcasting", "tv",
        "radio", "insider", "monitor", "record", "register", "bulletin", "dispatch", "independent", "mirror",
        "examiner", "inquirer", "sentinel", "weekly", "magazine", "globe", "mercury",
        "digest", "bureau", "channel", "media", "statesman", "hindu", "dawn", "mainichi", "asahi", "yomiuri",
    ]

    /// - Parameter standalone: the line stands where mastheads do (above or below the story);
    ///   elsewhere only a name the item's metadata gives counts.
    static func isSiteName(_ shape: LineShape, known: [String], standalone: Bool) -> Bool {
        guard shape.words <= 6, shape.bytes <= 60 else { return false }
        if !known.isEmpty {
            let key = comparable(shape.text)
            if known.contains(where: { comparable($0) == key }) { return true }
        }
        guard standalone else { return false }
        if isDomain(shape.text) { return true }
        guard !shape.hasDigit, shape.lastByte != UInt8(ascii: "."), shape.text.first?.isUppercase == true,
              isMastheadWord(lastWordAfterSpace(shape.text)) else { return false }
        let words = shape.text.splitASCII()
        let capitalised = words.allSatisfy { word in word.first?.isUppercase == true || ["of", "the", "and", "&"].contains(word) }
        guard capitalised, words.count <= 4, let last = words.last else { return false }
        return mastheadWords.contains(last.lowercased())
    }

    /// The text after its last space (all of it without one): the last of `splitASCII()`'s words
    /// when that is not empty, checked first because it turns most lines away.
    private static func lastWordAfterSpace(_ text: String) -> Substring {
        let offset = text.withUTF8Bytes { bytes in bytes.lastIndex(of: 0x20).map { $0 + 1 } ?? 0 }
        return text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]
    }

    /// A masthead's last word; an empty word (a trailing space) is left to the full test.
    private static func isMastheadWord(_ word: Substring) -> Bool {
        word.isEmpty || mastheadWords.contains(word.lowercased())
    }

    private static func comparable(_ name: String) -> String {
        var lower = name.lowercased()
        if lower.hasPrefix("the ") { lower.removeFirst(4) }
        return lower.trimmingCharacters(in: " .")
    }

    /// "koreaherald.com", "www.example.co.kr".
    private static func isDomain(_ text: String) -> Bool {
        guard text.utf8.count <= 40, !text.utf8.contains(0x20), text.utf8.contains(UInt8(ascii: ".")) else { return false }
        let lower = text.lowercased()
        return [".com", ".net", ".org", ".co.kr", ".co.jp", ".in", ".cn", ".kr", ".jp", ".co.uk"].contains { lower.hasSuffix($0) }
            && lower.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
    }
}
