import WireModel

/// Which person each mention names, for the quotes' speakers: the last person listing a mention
/// (`String` equality), found from a run's bytes. ASCII mentions are looked up by a hash of their
/// bytes, so that a run makes no `String` and hashes none; anything beyond ASCII goes through
/// `String` comparison, whose canonical equivalence bytes cannot give.
struct PersonMentions {
    private let people: [Entity]
    private var byHash: HashIndex
    /// Every mention, when one is not ASCII; else nil and `byHash` holds them all.
    private var byString: [String: Int]?

    init(_ people: [Entity]) {
        self.people = people
        var count = 0
        for person in people { count += person.mentions.count }
        var byHash = HashIndex(capacity: count)
        var ascii = true
        // One pass over each mention's bytes: its hash, and whether it is ASCII.
        for (position, person) in people.enumerated() {
            for mention in person.mentions {
                var copy = mention
                guard let hash = copy.withUTF8({ TokenSpans.isASCII($0) ? TokenSpans.hash($0) : nil }) else {
                    ascii = false
                    break
                }
                byHash[hash] = position
            }
        }
        self.byHash = byHash
        guard !ascii else { return }
        var byString: [String: Int] = Dictionary(minimumCapacity: count)
        for (position, person) in people.enumerated() { for mention in person.mentions { byString[mention] = position } }
        self.byString = byString
    }

    /// The position among the people of the one `surface` names, or nil.
    func person(_ surface: UnsafeBufferPointer<UInt8>) -> Int? {
        if let byString { return byString[String(decoding: surface, as: UTF8.self)] }
        // An ASCII surface equals an ASCII mention exactly when their bytes do.
        if TokenSpans.isASCII(surface) { return byHash[TokenSpans.hash(surface)] }
        // Beyond ASCII, `String` equality decides; the last person listing the mention wins, as
        // when the mentions were a `Dictionary` filled in order.
        let written = String(decoding: surface, as: UTF8.self)
        return people.lastIndex { $0.mentions.contains(written) }
    }
}
