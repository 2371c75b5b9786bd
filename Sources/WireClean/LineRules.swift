/// Rules that judge one paragraph on its own, wherever it stands. Each returns the furniture kind the
/// line is, or nil when it is not (or might be story text: when unsure, a rule says nil).
enum LineRules {
    // MARK: share widgets

    /// Words page tools are made of. A line made only of these, with at least one `widgetMarkers`
    /// word, is a widget: story sentences always carry other words.
    static let widgetWords: Set<String> = [
        "share", "shares", "sharing", "on", "this", "article", "story", "page", "via", "copy", "copied", "link",
        "links", "url", "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "email", "e-mail", "mail",
        "print", "tweet", "kakaotalk", "kakao", "story", "naver", "band", "line", "reddit", "pinterest", "weibo",
        "wechat", "messenger", "font", "size", "text", "listen", "to", "save", "saved", "bookmark", "comments",
        "comment", "a", "a+", "a-", "+", "-", "the", "more", "options", "close", "menu", "min", "read",
        "minute", "minutes", "audio", "gift", "zoom", "in", "out", "increase", "decrease", "reset", "clipboard",
        "copy-link", "sns", "send", "top", "back", "subscribe", "print-friendly", "version", "|", "/", "•", "·",
    ]
    static let widgetMarkers: Set<String> = [
        "share", "copied", "link", "facebook", "twitter", "linkedin", "whatsapp", "telegram", "print", "tweet",
        "kakaotalk", "reddit", "pinterest", "weibo", "wechat", "listen", "bookmark", "font", "email", "e-mail",
        "clipboard", "copy-link", "sns", "a+", "a-",
    ]

    static func shareWidget(_ shape: LineShape) -> Bool {
        guard shape.words <= LineShape.lowerWordLimit, shape.bytes <= 90 else { return false }
        if isReadingTime(shape) { return true }
        return shape.withLowerBytes { isWidgetLine($0) }
    }

    /// Every word a widget word (after trimming `•·|:!.,()[]`; numbers pass), and one of them a
    /// marker: decided on the lower-cased line's bytes, most short story lines on their first word.
    private static func isWidgetLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let space = bytes.firstIndex(of: 0x20) {
            let first = UnsafeBufferPointer(rebasing: bytes[..<space])
            let bare = WidgetWord.trimmed(first)
            // Trimming only drops bytes at the ends: a bare word as long as the first word is that word,
            // and its look-up would repeat the first one (most first words have nothing to trim).
            if !bare.isEmpty, !WidgetWord.isNumber(bare), !WidgetWord.isWidget(first),
               bare.count == first.count || !WidgetWord.isWidget(bare) { return false }
        }
        var marker = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            defer { start = end + 1 }
            guard end > start else { continue }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let word = WidgetWord.isWidget(raw) ? raw : WidgetWord.trimmed(raw)
            if word.isEmpty || WidgetWord.isNumber(word) { continue }
            guard WidgetWord.isWidget(word) else { return false }
            if WidgetWord.isMarker(word) { marker = true }
        }
        return marker
    }

    /// "3 min read", "5-minute read".
    private static func isReadingTime(_ shape: LineShape) -> Bool {
        guard shape.words <= 3, shape.hasDigit else { return false }
        let lower = shape.lower
        return lower.hasSuffix(" read") && lower.containsIgnoringCase("min")
    }

    // MARK: bylines

    private static let bylineConnectors: Set<String> = [
        "and", "&", "of", "in", "for", "de", "da", "van", "von", "al", "bin", "la", "le", "du", "und", "y", "|", "/",
        "-", "—", "staff", "reporter", "reporters", "correspondent", "writer", "writers", "editor",
    ]
    private static let roleWords = [
        "reporter", "correspondent", "writer", "editor", "columnist", "contributor", "staff", "journalist",
    ]

    /// "Reporter: Ni Putu Sari" (a byline) and "Editor: Rahmad Nasution" (a credit): a role, a colon,
    /// and names.
    static func labelledName(_ shape: LineShape) -> FurnitureKind? {
        guard shape.words >= 2, shape.words <= 10, shape.lastByte != UInt8(ascii: "."),
              let colon = shape.text.firstByteIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = String(shape.text[..<colon]).lowercased()
        // The label first: most lines with a colon ("Published: …") name no role, and need no split.
        let kind: FurnitureKind
        if bylineLabels.contains(label) {
            kind = .byline
        } else if creditLabels.contains(label) {
            kind = .credit
        } else {
            return nil
        }
        let names = shape.text[shape.text.index(after: colon)...].splitASCII()
        guard !names.isEmpty, namesOnly(names[...]) else { return nil }
        return kind
    }

    private static let bylineLabels = ["reporter", "reporters", "written by", "writer", "by", "author", "authors", "correspondent"]
    private static let creditLabels = [
        "editor", "editors", "edited by", "editing by", "translator", "translated by", "photographer", "photo editor",
        "reporting by", "compiled by",
    ]

    /// "By Jane Doe", "BY JANE DOE Associated Press", "By Yonhap", "Jane Doe, Staff reporter".
    static func byline(_ shape: LineShape) -> Bool {
        guard shape.words >= 2, shape.words <= 14, shape.bytes <= 140, shape.lastByte != UInt8(ascii: ".") || shape.words <= 4
        else { return false }
        if shape.isASCII, let verdict = shape.text.withUTF8Bytes({ asciiByline($0, words: shape.words) }) { return verdict }
        if shape.text.hasPrefixIgnoringCase("by ") {
            return namesOnly(shape.text.splitASCII().dropFirst())
        }
        // "Jane Doe, Staff reporter": a name, a comma, a role.
        guard shape.words <= 8, let comma = shape.text.firstByteIndex(of: UInt8(ascii: ",")) else { return false }
        let name = shape.text[..<comma].splitASCII()
        let role = String(shape.text[shape.text.index(after: comma)...])
        guard (2...4).contains(name.count), namesOnly(name[...]), shape.words <= 8 else { return false }
        return roleWords.contains { role.containsIgnoringCase($0) }
    }

    /// `byline` past its length tests, on the bytes of ASCII text without CR (every byte one
    /// character, so no word needs a `Substring`); nil for other text.
    private static func asciiByline(_ bytes: UnsafeBufferPointer<UInt8>, words: Int) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        if bytes.count >= 3, bytes[0] | 0x20 == UInt8(ascii: "b"), bytes[1] | 0x20 == UInt8(ascii: "y"), bytes[2] == 0x20 {
            // The words after "by".
            return asciiNamesOnly(UnsafeBufferPointer(rebasing: bytes[2...]))
        }
        guard words <= 8, let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return false }
        let name = UnsafeBufferPointer(rebasing: bytes[..<comma])
        guard (2...4).contains(asciiWordCount(name)), asciiNamesOnly(name) else { return false }
        let role = UnsafeBufferPointer(rebasing: bytes[(comma + 1)...])
        return roleWordBytes.contains { role.containsIgnoringCase($0) }
    }

    private static let roleWordBytes = roleWords.map { Array($0.utf8) }
    private static let asciiConnectors = bylineConnectors.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// Pieces between spaces, empty ones left out (`splitASCII().count`).
    private static func asciiWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// `namesOnly` on the space-separated words of ASCII text without CR.
    private static func asciiNamesOnly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawWord = false
        var previousThe = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let wordStart = start
            start = end + 1
            guard end > wordStart else { continue }
            if !sawWord {
                // The first word must open with a capital, before any trimming.
                guard bytes[wordStart] &- 0x41 < 26 else { return false }
                sawWord = true
            }
            var first = wordStart
            var last = end
            while first < last, bytes[first] == UInt8(ascii: ",") || bytes[first] == UInt8(ascii: ";") { first += 1 }
            while last > first, bytes[last - 1] == UInt8(ascii: ",") || bytes[last - 1] == UInt8(ascii: ";") { last -= 1 }
            guard last > first else { continue }
            let bare = UnsafeBufferPointer(rebasing: bytes[first..<last])
            let capital = bare[0] &- 0x41 < 26
            if previousThe, !capital { return false }
            previousThe = bare.count == 3 && equalsLowercased(bare, theBytes)
            if capital || previousThe || asciiConnectors.contains(where: { equalsLowercased(bare, $0) }) { continue }
            return false
        }
        return sawWord && !previousThe
    }

    private static let theBytes = Array("the".utf8)

    /// The bytes, ASCII capitals lowered, are those of a lower-case word.
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        for index in bytes.indices where (bytes[index] &- 0x41 < 26 ? bytes[index] | 0x20 : bytes[index]) != word[index] { return false }
        return true
    }

    /// Every word capitalised (or a connector such as "and"), "the" only before a capitalised word.
    private static func namesOnly(_ words: ArraySlice<Substring>) -> Bool {
        guard let first = words.first, startsWithCapital(first) else { return false }
        var previousThe = false
        for word in words {
            let bare: Substring
            let capital: Bool
            if let trimmed = asciiTrimmed(word) {
                // ASCII: every byte is a character, so the tests run on bytes.
                guard let letter = trimmed.utf8.first else { continue }
                bare = trimmed
                capital = letter &- 0x41 < 26
            } else {
                bare = Substring(word.trimmingCharacters(in: ",;"))
                guard let letter = bare.first else { continue }
                capital = letter.isUppercase
            }
            if previousThe, !capital { return false }
            previousThe = bare.utf8.count == 3 && bare.lowercased() == "the"
            if capital || previousThe || bylineConnectors.contains(bare.lowercased()) { continue }
            return false
        }
        return !previousThe
    }

    /// `word.first?.isUppercase == true`, decided on the first byte when the first character is one
    /// ASCII byte (an ASCII byte after it always starts a new character).
    private static func startsWithCapital(_ word: Substring) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true { return first &- 0x41 < 26 }
        return word.first?.isUppercase == true
    }

    /// The word without its leading and trailing "," and ";" when it is ASCII without CR; nil otherwise.
    private static func asciiTrimmed(_ word: Substring) -> Substring? {
        let bytes = word.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        func isTrimmed(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") }
        guard let start = bytes.firstIndex(where: { !isTrimmed($0) }), let last = bytes.lastIndex(where: { !isTrimmed($0) }) else {
            return word[word.endIndex...]
        }
        return word[start...last]
    }

    // MARK: publication lines

    private static let publishedPrefixes: PrefixList = ["published", "posted", "first published", "date published", "uploaded", "created"]
    private static let updatedPrefixes: PrefixList = ["updated", "last updated", "modified", "last modified", "edited"]

    /// "Published : April 13, 2024 - 21:10", "Updated - May 28, 2024 05:10 pm IST".
    static func publication(_ shape: LineShape) -> FurnitureKind? {
        // Words before digits: the splitter reads digits only in short paragraphs.
        guard shape.words <= 24, shape.bytes <= 200, shape.hasDigit else { return nil }
        let kind: FurnitureKind
        if let prefix = shape.firstPrefix(updatedPrefixes) {
            guard followedBySeparator(shape.text, prefixLength: prefix.utf8.count) else { return nil }
            kind = .updated
        } else if let prefix = shape.firstPrefix(publishedPrefixes) {
            guard followedBySeparator(shape.text, prefixLength: prefix.utf8.count) else { return nil }
            kind = .published
        } else {
            return nil
        }
        // "Published in 1998, the novel …" is a sentence; a time stamp is not.
        return shape.endsLikeSentence && shape.words > 8 ? nil : kind
    }

    /// The keyword is followed by `:`, `-`, a space then a digit or month, or "on"/"at".
    private static func followedBySeparator(_ text: String, prefixLength: Int) -> Bool {
        let rest = text.utf8.dropFirst(prefixLength).drop { $0 == 0x20 }
        guard let next = rest.first else { return false }
        if next == UInt8(ascii: ":") || next == UInt8(ascii: "-") || next == UInt8(ascii: "|") || (0x30...0x39).contains(next) {
            return true
        }
        let word = String(decoding: rest.prefix(while: { $0 != 0x20 }), as: UTF8.self).lowercased()
        return word == "on" || word == "at" || DateLine.monthPrefix(word) != nil || next >= 0x80
    }

    /// A line above the story that is a time stamp and little else: a date with a year and a clock time
    /// ("KYODO NEWS - Jul 9, 2024 - 18:40 | Business"), or nothing but a date.
    static func dateStamp(_ shape: LineShape) -> Bool {
        guard shape.words <= 16, shape.bytes <= 160, shape.lastByte != UInt8(ascii: "."), shape.hasDigit else { return false }
        // A clock time has a colon; a bare date is short.
        guard shape.words <= 5 || shape.text.containsByte(UInt8(ascii: ":")) else { return false }
        let date = DateLine(shape.text)
        return date.hasDateWithYear && (date.hasClockTime || date.isOnlyDate)
    }

    // MARK: credits, contacts, sign-off lines

    private static let creditPrefixes: PrefixList = [
        "reporting by", "additional reporting by", "writing by", "editing by", "edited by", "compiled by",
        "reporting and writing by", "written by", "graphics by", "research by", "translated by", "produced by",
        "photos by", "with reporting by", "additional reporting from",
    ]
    private static let creditSuffixes = [
        "contributed to this report.", "contributed to this story.", "contributed reporting.",
        "contributed to this article.", "contributed to this report", "contributed reporting to this story.",
    ]

    /// The last words of `creditSuffixes`, after the space before them: a paragraph ending otherwise
    /// needs no case-blind suffix comparison.
    static let creditLastWords = ByteSuffixList([" report.", " story.", " reporting.", " article.", " report"])

    static func credit(_ shape: LineShape) -> Bool {
        guard shape.words <= 60 else { return false }
        let opensWithBracket = (shape.firstByte == UInt8(ascii: "(") || shape.firstByte == UInt8(ascii: "["))
            && (shape.text.startsWithCharacter("(") || shape.text.startsWithCharacter("["))
        // Without a bracket the shape's first byte turns most lines away before the text is read.
        let prefixed = opensWithBracket
            ? String(shape.text.dropFirst()).firstPrefixIgnoringCase(creditPrefixes) != nil
            : shape.firstPrefix(creditPrefixes) != nil
        if prefixed { return true }
        guard shape.words <= 40, shape.lastByte == UInt8(ascii: ".") || shape.lastByte == UInt8(ascii: "t"),
              shape.text.withUTF8Bytes(creditLastWords.matches)
        else { return false }
        return creditSuffixes.contains { shape.text.hasSuffixIgnoringCase($0) }
    }

    /// A reporter's address standing alone ("yoonsh@yna.co.kr", "Contact: desk@example.com").
    static func contact(_ shape: LineShape) -> Bool {
        guard shape.words <= 4, shape.bytes <= 120, shape.text.containsByte(UInt8(ascii: "@")) else { return false }
        return shape.text.splitASCII().contains { word in
            guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
            return word[at...].utf8.contains(UInt8(ascii: "."))
        }
    }

    /// Markers that close a wire story, standing alone or at the end of its last paragraph.
    static let endMarkers: Set<String> = ["(END)", "(End)", "END", "ENDS", "Enditem", "ENDITEM", "-30-", "###", "(ENDS)"]

    /// News agencies whose name alone on a line above a story is its byline. Agencies are few and
    /// known; a list is the general rule here.
    static let agencies: Set<String> = [
        "ap", "associated press", "the associated press", "reuters", "afp", "agence france-presse", "yonhap",
        "yonhap news agency", "kyodo", "kyodo news", "xinhua", "xinhua news agency", "pti", "press trust of india",
        "ians", "ani", "dpa", "efe", "ansa", "tass", "ria novosti", "bernama", "antara", "cna", "jiji press", "jiji",
        "aap", "upi", "bloomberg", "anadolu", "kcna", "newsis", "news1", "central news agency", "vna", "pna",
    ]

    /// "AFP" or "By Yonhap" alone: an agency byline.
    static func agencyByline(_ shape: LineShape) -> Bool {
        guard shape.words <= 5 else { return false }
        return agencies.contains(shape.lower)
    }

    /// "Tom Aldridge (AAP)": two to four capitalised name words and a known agency in brackets.
    static func nameWithAgency(_ shape: LineShape) -> Bool {
        guard shape.words <= 6, shape.bytes <= 60, shape.text.last == ")", let open = shape.text.lastIndex(of: "(") else { return false }
        let agency = shape.text[shape.text.index(after: open)..<shape.text.index(before: shape.text.endIndex)]
        let names = shape.text[..<open].split(separator: " ")
        return agencies.contains(agency.lowercased()) && (2...4).contains(names.count)
            && names.allSatisfy { word in word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }
    }

    /// A known agency's name alone on a line below the story ("VNA", "AAP"): its sign-off.
    static func agencyAlone(_ shape: LineShape) -> Bool {
        shape.words <= 4 && agencies.contains(shape.lower)
    }

    /// A sign-off alone on its line: an end marker, "(Yonhap)", "— AFP", or desk initials ("bur-jkm/rox").
    static func signOffLine(_ shape: LineShape) -> Bool {
        guard shape.words <= 4, shape.bytes <= 40 else { return false }
        if endMarkers.contains(shape.text) || SignOff.isDeskInitials(Substring(shape.text)) { return true }
        var text = Substring(shape.text)
        // "(ANSA)." : a full stop after the bracketed agency.
        if text.hasSuffix(")."), text.first == "(" { text = text.dropLast() }
        if let first = text.first, "—–-=/".contains(first) {
            // "— AFP", "-- Reuters", "==Kyodo", "/PTI"
            text = text.drop { "—–-=/ ".contains($0) }
            return SignOff.isAgencyLike(text)
        }
        if SignOff.isAgencyWithDeskInitials(text) { return true }
        if (text.first == "(" && text.last == ")") || (text.first == "[" && text.last == "]") {
            return SignOff.isAgencyLike(text.dropFirst().dropLast())
        }
        return false
    }

    /// Only punctuation ("___", "* * *", "----").
    static func separator(_ shape: LineShape) -> Bool {
        guard shape.bytes <= 80, let first = shape.text.utf8.first else { return false }
        // An ASCII letter or digit is neither punctuation nor a symbol: most lines stop here.
        if (first | 0x20) &- 0x61 < 26 || first &- 0x30 < 10 { return false }
        return shape.text.unicodeScalars.allSatisfy { $0 == " " || $0.properties.generalCategory.isPunctuationOrSymbol }
    }

    // MARK: page chrome

    static func copyright(_ shape: LineShape) -> Bool {
        guard shape.words <= 30 else { return false }
        // Each test needs its first or last byte: "©" starts with C2, the rest as written.
        switch shape.firstByte {
        case 0xC2: if shape.text.startsWithCharacter("©") { return true }
        case UInt8(ascii: "("): if shape.text.hasPrefixIgnoringCase("(c) ") { return true }
        case UInt8(ascii: "c"), UInt8(ascii: "C"): if shape.text.hasPrefixIgnoringCase("copyright ") { return true }
        default: break
        }
        // "… All rights reserved." closes the line when it is not the whole of it.
        switch shape.lastByte {
        case UInt8(ascii: "."): return shape.text.hasSuffixIgnoringCase("all rights reserved.")
        case UInt8(ascii: "d"), UInt8(ascii: "D"): return shape.text.hasSuffixIgnoringCase("all rights reserved")
        default: return false
        }
    }

    static let advertisements: Set<String> = [
        "advertisement", "advertising", "sponsored", "sponsored content", "ad", "scroll to continue with content",
        "story continues below advertisement", "continue reading below",
    ]

    /// First letters of the advertisement lines: an ASCII first byte keeps its letter in `lower`
    /// (and in any text canonically equal to it), so other lines need no lower-cased copy.
    private static let advertisementFirstBytes = Set(advertisements.compactMap(\.utf8.first))

    static func advertisement(_ shape: LineShape) -> Bool {
        guard shape.words <= 6 else { return false }
        let first = shape.firstByte
        if first < 0x80, !advertisementFirstBytes.contains(first &- 0x41 < 26 ? first | 0x20 : first) { return false }
        return advertisements.contains(shape.lower)
    }

    private static let promoPrefixes: PrefixList = [
        "subscribe to", "subscribe now", "sign up for", "sign up to", "sign up here", "click here", "download the",
        "download our", "follow us", "join our", "get the latest", "for more news, follow",
    ]
    private static let promoWords = ["newsletter", "updates", "alerts", "here", "our", "app", "channel", "daily", "breaking"]

    static func promo(_ shape: LineShape) -> Bool {
        guard shape.words <= 16, shape.firstPrefix(promoPrefixes) != nil else { return false }
        return promoWords.contains { shape.text.containsIgnoringCase($0) }
    }

    private static let tagPrefixes: PrefixList = ["tags:", "topics:", "keywords:", "filed under:", "tags |"]

    static func tags(_ shape: LineShape) -> Bool {
        shape.words <= 30 && shape.firstPrefix(tagPrefixes) != nil
    }

    private static let disclaimerPhrases = [
        "syndicated feed", "not been edited", "auto-generated", "views expressed", "for informational purposes",
        "is published from a syndicated", "has not been edited", "unedited and auto",
    ]

    static func disclaimer(_ shape: LineShape) -> Bool {
        guard shape.words <= 50 else { return false }
        let wrapped = shape.firstByte == UInt8(ascii: "(") && shape.lastByte == UInt8(ascii: ")")
            && shape.text.startsWithCharacter("(") && shape.text.endsWithCharacter(")")
        // "disclaimer" needs a "d" first: other lines skip the prefix test.
        guard wrapped || (shape.firstByte | 0x20 == UInt8(ascii: "d") && shape.text.hasPrefixIgnoringCase("disclaimer")) else { return false }
        return disclaimerPhrases.contains { shape.text.containsIgnoringCase($0) }
    }

    // MARK: related lists

    private static let relatedHeadings: Set<String> = [
        "related coverage", "related articles", "related article", "related stories", "related story", "related news",
        "related content", "related links", "related", "read more", "more stories", "more from", "see also",
        "also read", "you may also like", "recommended", "recommended stories", "most read", "most popular",
        "top stories", "latest news", "more on this story", "editor's picks", "more news", "read also",
        "related topics", "you might also like", "more in this section", "trending", "popular", "latest",
        "read next", "what to read next", "more to read", "related reading", "further reading",
    ]

    private static let relatedHeadingBytes = relatedHeadings.map { Array($0.utf8) }

    /// "Related coverage:", "Read more", "MORE STORIES".
    static func relatedHeading(_ shape: LineShape) -> Bool {
        guard shape.words <= 6 else { return false }
        if shape.isASCII {
            // One byte per character: the trailing marks trimmed and the rest compared on the
            // text's bytes in place, letters folded as they are read (no lower-cased copy).
            return shape.text.withUTF8Bytes { bytes in
                var end = bytes.count
                while end > 0, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == 0x20 || bytes[end - 1] == UInt8(ascii: ">") { end -= 1 }
                return relatedHeadingBytes.contains { heading in
                    guard heading.count == end else { return false }
                    for index in heading.indices {
                        let byte = bytes[index]
                        if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != heading[index] { return false }
                    }
                    return true
                }
            }
        }
        var text = shape.lower
        while let last = text.last, last == ":" || last == " " || last == "»" || last == ">" { text.removeLast() }
        return relatedHeadings.contains(text)
    }

    private static let inlineRelatedPrefixes: PrefixList = [
        "also read |", "also read:", "read more:", "read also:", "read more |", "also read -", "related:", "see also:",
        "also read", "read:",
    ]

    /// A one-line pointer to another story ("ALSO READ | Heatwave claims …", "Read more: …"): the
    /// headline after the marker must itself look like one.
    static func inlineRelated(_ shape: LineShape) -> Bool {
        guard shape.words <= 30, let prefix = shape.firstPrefix(inlineRelatedPrefixes) else { return false }
        let rest = String(shape.text.utf8.dropFirst(prefix.utf8.count)).map { $0.trimmingCharacters(in: " |:-—") } ?? ""
        return LineShape(rest).isHeadlineLike
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}

extension StringProtocol {
    /// Without the given characters at either end. ASCII sets, and any set on ASCII text (where each
    /// byte is a scalar and only the set's ASCII members can match), are trimmed on UTF-8 bytes;
    /// others by scalar.
    func trimmingCharacters(in set: String) -> String {
        if set.utf8.allSatisfy({ $0 < 0x80 }) || utf8.allSatisfy({ $0 < 0x80 }) {
            // The set's ASCII members as a 128-bit mask: a byte test per byte instead of a search.
            var mask = (low: UInt64(0), high: UInt64(0))
            for byte in set.utf8 where byte < 0x80 {
                if byte < 64 { mask.low |= 1 << byte } else { mask.high |= 1 << (byte - 64) }
            }
            func isMember(_ byte: UInt8) -> Bool {
                byte < 64 ? mask.low & (1 << byte) != 0 : byte < 128 && mask.high & (1 << (byte - 64)) != 0
            }
            let bytes = utf8
            var start: String.Index?
            var end = bytes.startIndex
            var index = bytes.startIndex
            while index != bytes.endIndex {
                let next = bytes.index(after: index)
                if !isMember(bytes[index]) {
                    if start == nil { start = index }
                    end = next
                }
                index = next
            }
            guard let start else { return "" }
            return String(self[start..<end])
        }
        let scalars = unicodeScalars
        let trimmed = set.unicodeScalars
        guard !scalars.isEmpty else { return "" }
        var start: String.Index?
        var end = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if !trimmed.contains(scalars[index]) {
                if start == nil { start = index }
                end = next
            }
            index = next
        }
        guard let start else { return "" }
        return String(self[start..<end])
    }
}
