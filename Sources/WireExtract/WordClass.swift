/// The closed-class memberships of one word, looked up once per token (see `LexiconTable`).
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32
    static let month = WordClass(rawValue: 1 << 0)
    static let weekday = WordClass(rawValue: 1 << 1)
    static let personTitle = WordClass(rawValue: 1 << 2)
    static let organizationHead = WordClass(rawValue: 1 << 3)
    static let placeHead = WordClass(rawValue: 1 << 4)
    static let placePreposition = WordClass(rawValue: 1 << 5)
    static let organizationCue = WordClass(rawValue: 1 << 6)
    static let appositionRole = WordClass(rawValue: 1 << 7)
    static let speechVerb = WordClass(rawValue: 1 << 8)
    static let functionWord = WordClass(rawValue: 1 << 9)
    static let capsNonName = WordClass(rawValue: 1 << 10)
    static let nameConnector = WordClass(rawValue: 1 << 11)
    static let futureMarker = WordClass(rawValue: 1 << 12)
    static let compass = WordClass(rawValue: 1 << 13)
    static let facility = WordClass(rawValue: 1 << 14)
    static let datePreposition = WordClass(rawValue: 1 << 15)
    static let qualifier = WordClass(rawValue: 1 << 16)
    static let countedNoun = WordClass(rawValue: 1 << 17)
    /// "last", "this", "next": the words that make a period relative.
    static let relative = WordClass(rawValue: 1 << 18)
    /// "today", "yesterday", "tomorrow".
    static let dayWord = WordClass(rawValue: 1 << 19)
    static let organizationNoun = WordClass(rawValue: 1 << 20)
    static let placeKindNoun = WordClass(rawValue: 1 << 21)
    static let nameParticle = WordClass(rawValue: 1 << 22)
    /// The first word of a fixed holiday ("Christmas", "New"): the only words the holiday rules try.
    static let holidayStart = WordClass(rawValue: 1 << 23)
}
