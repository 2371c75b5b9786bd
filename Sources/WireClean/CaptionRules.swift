/// Photo captions in running copy: printed twice, marked by positions ("(L)", "(far R)"), opened by
/// "Photo shows", or closed by a photo credit ("(Xinhua/Liu Wenjie)", "(AP Photo/Jane Doe)").
enum CaptionRules {
    /// The single copy when the paragraph is one text printed twice, joined by a space.
    static func halfOfDoubled(_ text: String) -> String? {
        let utf8 = text.utf8
        let count = utf8.count
        guard count >= 41, count % 2 == 1 else { return nil }
        let middle = utf8.index(utf8.startIndex, offsetBy: count / 2)
        guard utf8[middle] == 0x20 else { return nil }
        let first = utf8[..<middle]
        let second = utf8[utf8.index(after: middle)...]
        guard first.elementsEqual(second) else { return nil }
        return String(text[..<middle])
    }

    private static let positionWords: Set<String> = [
        "l", "r", "c", "far", "left", "right", "center", "centre", "front", "back", "row", "second", "third", "fourth",
        "2nd", "3rd", "4th", "5th", "from", "top", "bottom", "middle", "rear", "l-r", "r-l", "clockwise", "above",
        "below", "inset", "foreground", "background",
    ]
    private static let openers: PrefixList = [
        "this photo", "photo shows", "photo taken", "file photo", "a file photo", "this handout photo", "in this photo",
        "this picture", "this image", "photo:", "this aerial photo", "an aerial photo", "this undated photo",
        "this combination photo", "this file photo", "handout photo", "in this handout photo", "pictured:", "file -",
        "file photo -", "a photo taken", "photo released",
    ]
    private static let photoCreditWords = ["photo", "pool", "getty", "courtesy", "handout", "file", "epa", "image"]

    /// Judges a paragraph that no line rule claimed. `isLast` says it is the story's last paragraph,
    /// where a bare "(Agency)" is a sign-off rather than a caption credit.
    static func isCaption(_ shape: LineShape, isLast: Bool) -> Bool {
        guard shape.words <= 90 else { return false }
        if let opener = shape.firstPrefix(openers), isWordEnd(shape.text, after: opener),
           shape.words <= 40 || trailingCredit(shape.text) != nil {
            return true
        }
        // A photo credit ends in a letter, a bracketed credit in ")" or "]": most paragraphs end otherwise.
        let last = shape.lastByte
        if (last | 0x20) &- 0x61 < 26, trailingPhotoCredit(shape.text) != nil { return true }
        guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return false }
        // Decided on the paragraph's bytes in place: the caption text before the credit is never copied.
        return shape.text.withUTF8Bytes { bytes in
            guard let span = creditSpan(bytes), span.endsSentence(bytes) else { return false }
            // The tests are pure, so their order changes only the cost: the credit's few bytes
            // first, the position markers (a search of the whole paragraph) last.
            let credit = UnsafeBufferPointer(rebasing: bytes[span.creditStart..<span.creditEnd])
            if credit.contains(UInt8(ascii: "/")) { return true }
            // A mid-story paragraph closed by "(Agency)" is a caption: story paragraphs never end that way.
            // Read on the credit's bytes in place when they are ASCII; a string only for other text.
            // Asked before the photo words: most captions end in a bare agency, which one pass over
            // the credit settles, where the photo words take eight searches.
            if !isLast && (SignOff.asciiAgencyLike(credit) ?? SignOff.isAgencyLike(Substring(String(decoding: credit, as: UTF8.self)))) {
                return true
            }
            if photoCreditWordBytes.contains(where: { credit.containsIgnoringCase($0) }) { return true }
            // A shape that is not ASCII has no byte reading of its markers; one that is needs no
            // second look at every byte.
            let marker = shape.isASCII ? asciiPositionMarker(bytes, knownASCII: true) : stablePositionMarker(bytes)
            return marker ?? characterPositionMarker(shape.text)
        }
    }

    private static let photoCreditWordBytes = photoCreditWords.map { Array($0.utf8) }

    /// "This photograph …" is not "This photo …".
    private static func isWordEnd(_ text: String, after prefix: String) -> Bool {
        guard let next = text.utf8.dropFirst(prefix.utf8.count).first else { return true }
        return !((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
    }

    /// A credit written after a finished sentence as "Photo: AFP" or "Photo by Jane Doe", and the
    /// caption text before it.
    static func trailingPhotoCredit(_ text: String) -> (text: String, credit: String)? {
        // A credit ends in a letter; story paragraphs end in punctuation, so most are turned away here.
        guard let last = text.utf8.last, (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A else { return nil }
        // Every marker holds " Photo" or " Image: ": one pass for those instead of a search per marker.
        guard text.withUTF8Bytes(mayHoldPhotoMarker) else { return nil }
        for marker in [" Photo: ", " Photo by ", " Photograph: ", " Image: ", " Photo credit: "] {
            guard let range = text.lastRange(ofASCII: marker) else { continue }
            let credit = text[range.upperBound...]
            let caption = String(text[..<range.lowerBound])
            guard credit.splitASCII().count <= 5, !credit.hasSuffix("."), LineShape.endsLikeSentence(caption) else { continue }
            return (caption, String(credit))
        }
        return nil
    }

    /// Whether the bytes hold " Photo" or " Image: ", which every photo-credit marker contains: one
    /// pass instead of a backward search per marker.
    private static func mayHoldPhotoMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 1
        // The search skips to each capital P or I, rare in running text, and looks back for the space.
        while let letter = bytes.firstIndex(of: UInt8(ascii: "P"), or: UInt8(ascii: "I"), from: from) {
            let index = letter - 1
            guard index + 7 <= bytes.count else { return false }
            if bytes[index] == 0x20 {
                if bytes[letter] == UInt8(ascii: "P") {
                    if bytes[index + 2] == UInt8(ascii: "h"), bytes[index + 3] == UInt8(ascii: "o"), bytes[index + 4] == UInt8(ascii: "t"),
                       bytes[index + 5] == UInt8(ascii: "o") { return true }
                } else if bytes[index + 2] == UInt8(ascii: "m"), bytes[index + 3] == UInt8(ascii: "a"), bytes[index + 4] == UInt8(ascii: "g"),
                          bytes[index + 5] == UInt8(ascii: "e"), bytes[index + 6] == UInt8(ascii: ":") {
                    return true
                }
            }
            from = letter + 1
        }
        return false
    }

    /// The credit in a trailing "(…)" or "[…]" after a finished sentence, or nil.
    static func trailingCredit(_ text: String) -> String? {
        text.withUTF8Bytes { bytes in
            guard let span = creditSpan(bytes), span.endsSentence(bytes) else { return nil }
            return String(decoding: bytes[span.creditStart..<span.creditEnd], as: UTF8.self)
        }
    }

    /// Caption text and its trailing credit, when it has one.
    static func splitCredit(_ text: String) -> (text: String, credit: String)? {
        text.withUTF8Bytes { bytes in
            guard let span = creditSpan(bytes) else { return nil }
            return (String(decoding: bytes[..<span.textEnd], as: UTF8.self),
                    String(decoding: bytes[span.creditStart..<span.creditEnd], as: UTF8.self))
        }
    }

    /// Byte offsets of a trailing bracketed credit: the caption text (its trailing spaces left out)
    /// and the credit between the brackets.
    struct CreditSpan {
        var textEnd: Int
        var creditStart: Int
        var creditEnd: Int

        /// The caption text before the credit ends like a sentence.
        func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            LineShape.endsLikeSentence(UnsafeBufferPointer(rebasing: bytes[..<textEnd]))
        }
    }

    /// The credit closing the text: from the last opening bracket matching the closing one that ends
    /// it, 1 to 120 bytes and at most 60 characters long.
    static func creditSpan(_ bytes: UnsafeBufferPointer<UInt8>) -> CreditSpan? {
        guard let close = bytes.last, close == UInt8(ascii: ")") || close == UInt8(ascii: "]") else { return nil }
        let open = close == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
        guard let start = bytes.lastIndex(of: open) else { return nil }
        let creditStart = start + 1
        let creditEnd = bytes.count - 1
        let length = creditEnd - creditStart
        guard length > 0, length <= 120 else { return nil }
        // A character takes at least one byte, so up to 60 bytes always pass; longer credits are
        // counted by character unless they are ASCII without CR (one character per byte).
        if length > 60 {
            let credit = UnsafeBufferPointer(rebasing: bytes[creditStart..<creditEnd])
            if credit.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return nil }
            guard String(decoding: credit, as: UTF8.self).count <= 60 else { return nil }
        }
        var textEnd = start
        while textEnd > 0, bytes[textEnd - 1] == 0x20 { textEnd -= 1 }
        return CreditSpan(textEnd: textEnd, creditStart: creditStart, creditEnd: creditEnd)
    }

    /// "(L)", "(far R)", "(2nd from L)", "(left)", "(front row, C)".
    static func hasPositionMarker(_ text: String) -> Bool {
        text.withUTF8Bytes { asciiPositionMarker($0) ?? stablePositionMarker($0) } ?? characterPositionMarker(text)
    }

    /// `hasPositionMarker` by `Character`, for text the byte reading cannot decide.
    private static func characterPositionMarker(_ text: String) -> Bool {
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstIndex(of: "(") {
            guard let close = text[open...].firstIndex(of: ")") else { return false }
            let words = text[text.index(after: open)..<close].lowercased().splitASCII(" ,")
            if !words.isEmpty, words.count <= 5, words.allSatisfy({ positionWords.contains(String($0)) }) { return true }
            searchFrom = text.index(after: close)
        }
        return false
    }

    /// `hasPositionMarker` on bytes for ASCII text without CR (every byte one character), or nil:
    /// some "(…)" holds one to five words, every one a position word; each "(" opens a group that
    /// the first ")" after it closes. `knownASCII`: the caller knows no byte is above 0x7F.
    static func asciiPositionMarker(_ bytes: UnsafeBufferPointer<UInt8>, knownASCII: Bool = false) -> Bool? {
        if knownASCII {
            // Eight bytes at a time: the paragraph is read whole.
            guard bytes.firstIndex(of: 0x0D, or: 0x0D, from: 0) == nil else { return nil }
        } else {
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        }
        return asciiGroups(bytes)
    }

    /// Some "(…)" group, from each "(" to the first ")" after it, is a position list.
    private static func asciiGroups(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time to the next "(": most paragraphs have none, or one near the end.
            guard let open = bytes.firstIndex(of: UInt8(ascii: "("), or: UInt8(ascii: "("), from: index) else { return false }
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")) else { return false }
            if isPositionList(UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])) { return true }
            index = close + 1
        }
        return false
    }

    /// `hasPositionMarker` on bytes for text whose non-ASCII scalars are all ones that never join
    /// the character before them nor lower-case to ASCII (`ParagraphSplitter.isStable`): then "("
    /// and ")" are characters of their own, and a word holding such a scalar is no position word.
    /// Nil for other text (CR, combining marks, the Kelvin sign …).
    static func stablePositionMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return nil }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count, ParagraphSplitter.isStable(bytes, at: index, length: length) else { return nil }
            index += length
        }
        return asciiGroups(bytes)
    }

    /// One to five position words separated by spaces and commas.
    private static func isPositionList(_ inner: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var start = 0
        while start < inner.count {
            var end = start
            while end < inner.count, inner[end] != 0x20, inner[end] != UInt8(ascii: ",") { end += 1 }
            if end > start {
                words += 1
                guard words <= 5, isPositionWord(UnsafeBufferPointer(rebasing: inner[start..<end])) else { return false }
            }
            start = end + 1
        }
        return words > 0
    }

    private static let positionWordBytes = positionWords.map { Array($0.utf8) }

    private static func isPositionWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        positionWordBytes.contains { entry in
            entry.count == word.count && zip(entry, word).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
        }
    }
}
