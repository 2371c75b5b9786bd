import WireGazetteer

/// A span of capitalised words that may be a name, and what the rules made of it.
///
/// The stored properties are in an order that packs them into 40 bytes: the runs are copied and
/// moved often, and the 48 bytes of the order they were written in first made each copy dearer.
struct NameRun: Sendable {
    var range: Range<Int>
    /// The gazetteer's entry, when the name is a known one. A strong reference: an unowned one saved
    /// 0.2 % of extract's instructions, too little to rest memory safety on where entries come from.
    var entry: GazetteerEntry?
    /// `EntityRecognizer.classifyAll`'s digest of the run's tokens when the run is a whole candidate
    /// range (equal for runs of equal tokens, as `TokenSpans.digest`); 0 when there is none. The
    /// collector settles a run it has seen by it, without reading the run's bytes again.
    var digest: UInt64 = 0
    /// How many tokens before this run begins the run it was copied from, one of the same tokens
    /// (`EntityRecognizer.classifyAll`); 0 when it was not copied. Its words' digests are then those
    /// of the earlier run's words, read instead of made again.
    var copiedFrom: Int32 = 0
    var kind: EntityKind?
    /// True when a rule that needs no context typed it (gazetteer, head word, title).
    var strong = false

    init(range: Range<Int>, kind: EntityKind? = nil, entry: GazetteerEntry? = nil, strong: Bool = false) {
        self.range = range
        self.kind = kind
        self.entry = entry
        self.strong = strong
    }
}
