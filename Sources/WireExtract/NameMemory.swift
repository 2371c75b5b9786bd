/// What the story pass of `EntityRecognizer` remembers of the names typed so far, kept from its first
/// look-up pass to its second: the second then adds the runs typed in between instead of hashing and
/// filing every run again.
struct NameMemory {
    /// True once `EntityRecognizer.wordHashes` has written the runs' words' digests (the passes share
    /// its buffer; they are made on first use).
    var hashedWords = false
    /// Kinds by the hash of a name's words, as `position << 2 | kind number` of the last run (in text
    /// order) typed with that name; in the same table the words of people's names, their digests
    /// marked by `EntityRecognizer.personPart`. Nil until the first pass fills it.
    var known: HashIndex?
    /// Organisations of two words or more, whose initials are read only when an acronym needs them:
    /// the first `organizationCount` places of a buffer of a place a run.
    let organizationStore: UnsafeMutableBufferPointer<Range<Int>>
    var organizationCount = 0
    var organizations: UnsafeBufferPointer<Range<Int>> {
        UnsafeBufferPointer(rebasing: organizationStore[..<organizationCount])
    }
    /// The runs untyped when last filed, in order, in the first `untypedCount` places (a buffer of a
    /// place a run, owned by `EntityRecognizer.resolveFromStory`): the next pass files those typed since.
    let untyped: UnsafeMutableBufferPointer<Int>
    var untypedCount = 0

    init(untyped: UnsafeMutableBufferPointer<Int>, organizations: UnsafeMutableBufferPointer<Range<Int>>) {
        self.untyped = untyped
        organizationStore = organizations
    }
}
