import WireModel
import WireText

/// Field conventions shared by the wire-format readers (NITF, NewsML-G2, ninjs, HTML), so that the same
/// value reads the same way whichever format carried it.
enum StoryFields {
    static let dates = FeedDateParser()

    /// One line of text, normalised; nil when nothing is left.
    static func line(_ text: String?) -> String? {
        guard let text else { return nil }
        let normalised = TextNormalizer.inline(text)
        return normalised.isEmpty ? nil : normalised
    }

    /// Paragraphs, normalised and separated by a blank line; nil when nothing is left. Runs of white
    /// space alone (the indentation between elements) are dropped before normalising, which is the
    /// costly part.
    static func paragraphs(_ paragraphs: [String]) -> String? {
        let kept = paragraphs.compactMap { $0.allSatisfy(\.isWhitespace) ? nil : line($0) }
        return kept.isEmpty ? nil : kept.joined(separator: "\n\n")
    }

    /// Text whose paragraphs are separated by blank lines, normalised; nil when nothing is left.
    static func text(_ text: String) -> String? {
        let normalised = TextNormalizer.paragraphs(text)
        return normalised.isEmpty ? nil : normalised
    }

    /// An instant in UTC, or nil when the string does not parse.
    static func utc(_ raw: String?, context: ReadContext) -> String? {
        guard let raw = raw?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        return dates.parse(raw, assumingTimeZone: context.timeZone)?.utc
    }

    /// `published_raw` always, `published_at` and the assumed zone when the string parses: the feed
    /// reader's rule. Does nothing when the item already has a publication time.
    static func setPublished(_ raw: String?, on item: inout Item, context: ReadContext) {
        guard item.publishedRaw == nil, let raw = raw?.trimmingWhitespace(), !raw.isEmpty else { return }
        item.publishedRaw = raw
        let parsed = dates.parse(raw, assumingTimeZone: context.timeZone)
        item.publishedAt = parsed?.utc
        item.timeZoneAssumed = parsed?.timeZoneAssumed
    }

    /// `updated_at` only when it says something `published_at` does not: a later version time.
    static func setUpdated(_ raw: String?, on item: inout Item, context: ReadContext) {
        guard item.updatedAt == nil, let updated = utc(raw, context: context), updated != item.publishedAt
        else { return }
        item.updatedAt = updated
    }

    /// `usable`, `withheld` or `canceled` from a G2 qcode (`stat:canceled`), a NewsCodes URI
    /// (`…/pubstatusg2/withheld`) or a plain word (ninjs, NITF `management-status`); nil for anything
    /// else (NITF's `embargoed` included: the embargo has its own field).
    static func pubStatus(_ code: String?) -> String? {
        guard let code = code?.trimmingWhitespace().lowercased(), !code.isEmpty else { return nil }
        let word = code.split(whereSeparator: { $0 == ":" || $0 == "/" }).last.map(String.init) ?? code
        switch word {
        case "usable": return "usable"
        case "withheld": return "withheld"
        case "canceled", "cancelled": return "canceled"
        default: return nil
        }
    }

    /// IPTC urgency: 1 (most urgent) to 9; anything else is not an urgency.
    static func urgency(_ raw: String?) -> Int? {
        guard let raw, let value = Int(raw.trimmingWhitespace()), (1...9).contains(value) else { return nil }
        return value
    }

    static func appendOnce(_ value: String?, to list: inout [String]) {
        guard let value, !list.contains(value) else { return }
        list.append(value)
    }
}
