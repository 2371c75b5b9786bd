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
        if let opener = shape.text.firstPrefixIgnoringCase(openers), isWordEnd(shape.text, after: opener),
           shape.words <= 40 || trailingCredit(shape.text) != nil {
            return true
        }
        // A photo credit ends in a letter, a bracketed credit in ")" or "]": most paragraphs end otherwise.
        let last = shape.lastByte
        if (last | 0x20) &- 0x61 < 26, trailingPhotoCredit(shape.text) != nil { return true }
        guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]"), let credit = trailingCredit(shape.text) else { return false }
        if hasPositionMarker(shape.text) { return true }
        if credit.utf8.contains(UInt8(ascii: "/")) || photoCreditWords.contains(where: { credit.containsIgnoringCase($0) }) { return true }
        // A mid-story paragraph closed by "(Agency)" is a caption: story paragraphs never end that way.
        return !isLast && SignOff.isAgencyLike(Substring(credit))
    }

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
        for marker in [" Photo: ", " Photo by ", " Photograph: ", " Image: ", " Photo credit: "] {
            guard let range = text.lastRange(ofASCII: marker) else { continue }
            let credit = text[range.upperBound...]
            let caption = String(text[..<range.lowerBound])
            guard credit.splitASCII().count <= 5, !credit.hasSuffix("."), LineShape.endsLikeSentence(caption) else { continue }
            return (caption, String(credit))
        }
        return nil
    }

    /// The credit in a trailing "(…)" or "[…]" after a finished sentence, or nil.
    static func trailingCredit(_ text: String) -> String? {
        guard let split = splitCredit(text) else { return nil }
        return LineShape.endsLikeSentence(split.text) ? split.credit : nil
    }

    /// Caption text and its trailing credit, when it has one.
    static func splitCredit(_ text: String) -> (text: String, credit: String)? {
        let bytes = text.utf8
        guard let close = bytes.last, close == UInt8(ascii: ")") || close == UInt8(ascii: "]") else { return nil }
        let open = close == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
        guard let start = bytes.lastIndex(of: open) else { return nil }
        let creditStart = bytes.index(after: start)
        let creditEnd = bytes.index(before: bytes.endIndex)
        let length = bytes.distance(from: creditStart, to: creditEnd)
        guard length > 0, length <= 120 else { return nil }
        let credit = String(text[creditStart..<creditEnd])
        guard credit.count <= 60 else { return nil }
        return (text[..<start].withoutTrailingSpaces, credit)
    }

    /// "(L)", "(far R)", "(2nd from L)", "(left)", "(front row, C)".
    static func hasPositionMarker(_ text: String) -> Bool {
        if let verdict = asciiPositionMarker(text) { return verdict }
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstIndex(of: "(") {
            guard let close = text[open...].firstIndex(of: ")") else { return false }
            let words = text[text.index(after: open)..<close].lowercased().splitASCII(" ,")
            if !words.isEmpty, words.count <= 5, words.allSatisfy({ positionWords.contains(String($0)) }) { return true }
            searchFrom = text.index(after: close)
        }
        return false
    }

    /// `hasPositionMarker` on bytes for ASCII text without CR (every byte one character), or nil.
    private static func asciiPositionMarker(_ text: String) -> Bool? {
        var copy = text
        return copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var index = 0
            while index < bytes.count {
                guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "(")) else { return false }
                guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")) else { return false }
                let inner = String(decoding: bytes[(open + 1)..<close].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
                let words = inner.splitASCII(" ,")
                if !words.isEmpty, words.count <= 5, words.allSatisfy({ positionWords.contains(String($0)) }) { return true }
                index = close + 1
            }
            return false
        }
    }
}
