import WireModel
import WireText

/// Plain-text wire stories: one input, one item.
///
/// It decodes and normalises, and picks a headline only when the first line plainly is one. Everything
/// else (bylines, datelines, slug lines, furniture) stays in `body` for the `clean` and `extract` stages:
/// a reader that guessed here would lose text no later stage could get back.
public struct PlainTextReader: Reader {
    public var format: InputFormat { .text }

    /// Longest first line still taken as a headline; wire headlines run well under this.
    static let maxHeadlineCharacters = 200
    static let maxHeadlineWords = 30

    public init() {}

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        // A byte-order mark, then the transport's charset, then strict UTF-8, then Windows-1252; every
        // guess that may be wrong comes back as an issue.
        let decoded = CharsetResolver.utf8(bytes, httpCharset: context.declaredCharset, markup: .none)
        let issues = decoded.issues
        let text = String(decoding: decoded.bytes, as: UTF8.self)
        let lines = TextNormalizer.lines(Windows1252.repairC1(text))
        guard let firstIndex = lines.firstIndex(where: { !TextNormalizer.inline(String($0)).isEmpty }) else {
            throw UnreadableInput(reason: "empty", detail: "the input holds only white space")
        }
        var item = Item(source: context.source, format: .text, receivedAt: context.receivedAt)
        let firstLine = TextNormalizer.inline(String(lines[firstIndex]))
        // The lines are slices of one string joined by single LFs, so the body from a line on is that
        // string's tail: no re-joining.
        var bodyText = lines[0].base[...]
        if Self.looksLikeHeadline(firstLine, nextLine: lines.dropFirst(firstIndex + 1).first) {
            item.headline = firstLine
            item.headlineSource = "copy"
            bodyText = firstIndex + 1 < lines.count ? bodyText[lines[firstIndex + 1].startIndex...] : ""
        }
        let body = TextNormalizer.paragraphs(String(bodyText))
        item.body = body.isEmpty ? nil : body
        return ReadResult(items: [item], issues: issues)
    }

    /// A headline is short (two to thirty words), is not a sentence (no closing full stop, comma, colon
    /// or semicolon), and is not a byline or a dateline lede. When in doubt it is not one: `extract`
    /// makes a marked fallback.
    static func looksLikeHeadline(_ line: String, nextLine: Substring?) -> Bool {
        guard !line.isEmpty, line.count <= maxHeadlineCharacters else { return false }
        let words = line.split(separator: " ")
        // One word is a slug or a flash marker ("URGENT", "ZCZC"), not a headline.
        guard words.filter({ $0.contains(where: \.isLetter) }).count >= 2, words.count <= maxHeadlineWords
        else { return false }
        if let last = line.last, [".", ",", ";", ":", "-", "—", "–"].contains(last) {
            // "U.S." or "Inc." end in a full stop inside a headline, but so does every sentence.
            return false
        }
        if line.hasPrefix("By ") || line.hasPrefix("BY ") { return false }
        // A lede with a dateline ("SEOUL, April 13 (Yonhap) -- ...") runs on; headlines do not.
        if line.contains(" -- ") || line.contains(") - ") || line.contains(") — ") { return false }
        // A headline is followed by a break (blank line or the body's first line), never continued
        // mid-sentence on the next line with a lower-case word.
        if let next = nextLine, let firstLetter = next.first(where: { !$0.isWhitespace }), firstLetter.isLowercase {
            return false
        }
        return true
    }
}
