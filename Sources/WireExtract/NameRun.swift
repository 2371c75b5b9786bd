import WireGazetteer

/// A span of capitalised words that may be a name, and what the rules made of it.
struct NameRun: Sendable {
    var range: Range<Int>
    var kind: EntityKind?
    /// The gazetteer's entry, when the name is a known one.
    var entry: GazetteerEntry?
    /// True when a rule that needs no context typed it (gazetteer, head word, title).
    var strong = false
}
