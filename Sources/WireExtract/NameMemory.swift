/// What the story pass of `EntityRecognizer` remembers of the names typed so far, kept from its first
/// look-up pass to its second: the second then adds the runs typed in between instead of hashing and
/// filing every run again.
struct NameMemory {
    /// `TokenSpans.foldedWordDigest` per word token of the runs (unset elsewhere), made on first use.
    var words: [UInt64] = []
    /// Kinds by the hash of a name's words, as `position << 2 | kind number` of the last run (in text
    /// order) typed with that name; in the same table the words of people's names, their digests
    /// marked by `EntityRecognizer.personPart`. Nil until the first pass fills it.
    var known: HashIndex?
    /// Organisations of two words or more, whose initials are read only when an acronym needs them.
    var organizations: [Range<Int>] = []
    /// The runs untyped when last filed, in order: the next pass files those typed since.
    var untyped: [Int] = []
}
