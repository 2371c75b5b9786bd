import WireGazetteer

/// A span of capitalised words that may be a name, and what the rules made of it.
struct NameRun: Sendable {
    var range: Range<Int>
    var kind: EntityKind?
    /// The gazetteer's entry, when the name is a known one. Held unowned and unchecked: runs are
    /// copied, sorted and filtered many times a story, and a strong reference paid a retain and a
    /// release for each copy. Safe because every entry a run carries comes from the gazetteer's
    /// tables (lookups and `country(code:)` return stored entries, never new ones), and runs live
    /// only inside one `extract`, while the extractor and the recognizer hold that gazetteer.
    unowned(unsafe) var entry: GazetteerEntry?
    /// True when a rule that needs no context typed it (gazetteer, head word, title).
    var strong = false

    init(range: Range<Int>, kind: EntityKind? = nil, entry: GazetteerEntry? = nil, strong: Bool = false) {
        self.range = range
        self.kind = kind
        self.entry = entry
        self.strong = strong
    }
}
