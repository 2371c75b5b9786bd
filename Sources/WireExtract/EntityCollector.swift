import WireGazetteer
import WireModel

/// Groups recognised names into the item's `entities`: one entry per entity, every surface form
/// listed in `mentions`, surname mentions folded into the full name seen in the same story.
struct EntityCollector {
    private struct Slot {
        var kind: EntityKind
        /// The entity's place in its kind's list of `found`.
        var member: Int
        /// Where the key's bytes are in `keyBytes`: keys are only hashed and compared, never output,
        /// so none is made a `String`.
        var keyStart: Int
        var keyCount: Int
        /// The key holds a space: a full name, or an organisation of more than one word.
        var spaced: Bool
        /// True while every mention is ASCII: a new ASCII mention is then looked up by its
        /// `mentionHash` in `index` instead of being compared with each `String`.
        var asciiMentions: Bool
    }

    /// Entities in order of first mention, each kind in its own list: `entities()` hands them over as
    /// they are, without sorting a list of all of them into three.
    private var found = Entities()
    /// The entities' kinds, places and keys, in order of first mention (all kinds together).
    private var slots: [Slot] = []
    /// The bytes of every slot's key, one after another: one array for all the keys of a story.
    private var keyBytes: [UInt8] = []
    /// One table (one allocation) for three sets of 64-bit hashes, which share a value with a chance
    /// of one in 2^64: each entity's slot by `slotHash`, without hashing a `String`; the ASCII
    /// mentions of each entity by `mentionHash`, so that a repeated mention makes no `String`; and the
    /// runs added so far by `runDigest`: a run seen before changes nothing, as its entity and mention
    /// are listed already, so most runs are settled by one hash of their bytes.
    private var index: HashIndex
    /// How many entities of one kind a list is first made room for.
    private let expected: Int

    /// A collector sized for about `runs` names: the tables and arrays then seldom grow.
    init(runs: Int = 16) {
        index = HashIndex(capacity: runs * 2)
        expected = max(4, runs / 2)
        slots.reserveCapacity(runs)
        keyBytes.reserveCapacity(runs * 12)
    }

    mutating func add(_ run: NameRun, in text: TokenText) {
        guard let kind = run.kind else { return }
        text.withSpans { spans in
            let digest = Self.runDigest(run, kind, spans)
            guard index.insert(digest) else { return }
            add(run, kind, text, spans)
        }
    }

    /// What decides a run's key and mention: its kind, its gazetteer entry (entries live as long as
    /// the gazetteer, so their addresses tell them apart) and its span of the text — by the digest the
    /// recognizer made of it when it has one (most runs), so that their bytes are not read again.
    /// A run of the same tokens digested both ways is added twice, which changes nothing.
    static func runDigest(_ run: NameRun, _ kind: EntityKind, _ spans: TokenSpans) -> UInt64 {
        let entry = run.entry.map { UInt64(UInt(bitPattern: ObjectIdentifier($0))) } ?? 0
        let kindNumber: UInt64 = switch kind {
        case .person: 1
        case .place: 2
        case .organization: 3
        }
        if run.digest != 0 { return TokenSpans.mix(TokenSpans.mix(TokenSpans.mix(run.digest, entry), kindNumber), 0x5EED) }
        return spans.digest(run.range, seed: TokenSpans.mix(entry, kindNumber))
    }

    private mutating func add(_ run: NameRun, _ kind: EntityKind, _ text: TokenText, _ spans: TokenSpans) {
        let range = run.range
        let surface = spans.surface(range)
        if let entry = run.entry {
            // Known names are keyed by their id: "N. Korea" and "DPRK" are one place.
            add(kind: kind, surface: surface, name: entry.name, key: entry.id, entry: entry)
            return
        }
        if text.has(range.lowerBound, .personTitle) || spans.isWord(range.lowerBound, "the") {
            add(kind: kind, surface: String(decoding: surface, as: UTF8.self), entry: nil)
            return
        }
        // The common case, keyed from the tokens' bytes in a buffer on the stack: a `String` is made
        // only for a new entity or a new mention.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: spans.keyCapacity(range) + TokenSpans.keySlack) { out in
            guard let count = Self.plainKey(range, kind, spans, out) else {
                addSlowly(range, kind, text)
                return
            }
            settle(kind, key: UnsafeBufferPointer(rebasing: out[..<count]), surface: surface, name: nil, id: nil, country: nil)
        }
    }

    /// Writes the key of a run without gazetteer entry, title or "the" into `out` and returns its
    /// length; nil when the key needs the `String` path (bytes beyond ASCII, a person of three words
    /// or more, a corporate suffix).
    static func plainKey(_ range: Range<Int>, _ kind: EntityKind, _ spans: TokenSpans, _ out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        if kind == .place, range.count > 1, spans.isWord(range.upperBound - 1, "province") || spans.isWord(range.upperBound - 1, "prefecture") {
            return spans.key(range.lowerBound..<(range.upperBound - 1), into: out)
        }
        guard let count = spans.key(range, into: out) else { return nil }
        let key = UnsafeMutableBufferPointer(rebasing: out[..<count])
        switch kind {
        case .person:
            return Self.sortTwoWords(key) ? count : nil
        case .organization:
            guard let lastSpace = key.lastIndex(of: 0x20) else { return count }
            return Self.isCorporateSuffix(UnsafeBufferPointer(rebasing: key[(lastSpace + 1)...])) ? nil : count
        case .place:
            return count
        }
    }

    /// `sortedWords` in place for a key of one word or two: true when `key` now holds it.
    static func sortTwoWords(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var key = buffer
        guard let space = key.firstIndex(of: 0x20) else { return true }
        guard space > 0, space + 1 < key.count, !key[(space + 1)...].contains(0x20) else { return false }
        let first = key[..<space], second = key[(space + 1)...]
        guard second.lexicographicallyPrecedes(first) else { return true }
        // "yuko nakagawa" → "nakagawa yuko": reversing the whole, then each word, swaps them.
        key.reverse()
        let newSpace = key.count - 1 - space
        key[..<newSpace].reverse()
        key[(newSpace + 1)...].reverse()
        return true
    }

    /// The run's key built as a `String`, for what the byte path leaves.
    private mutating func addSlowly(_ range: Range<Int>, _ kind: EntityKind, _ text: TokenText) {
        let surface = text.string(range)
        add(kind: kind, surface: surface, name: surface, key: Self.plainKey(range, kind, text), entry: nil)
    }

    /// The key of a run without gazetteer entry, title or "the", built as a `String`.
    static func plainKey(_ range: Range<Int>, _ kind: EntityKind, _ text: TokenText) -> String {
        var key = text.key(range)
        if kind == .person, hasSpace(key) { key = sortedWords(key) }
        if kind == .organization { key = organizationKey(key) }
        if kind == .place, range.count > 1, text.isWord(range.upperBound - 1, "province") || text.isWord(range.upperBound - 1, "prefecture") {
            key = text.key(range.lowerBound..<(range.upperBound - 1))
        }
        return key
    }

    mutating func add(kind: EntityKind, surface: String, entry: GazetteerEntry?) {
        if let entry {
            add(kind: kind, surface: surface, name: entry.name, key: entry.id, entry: entry)
            return
        }
        let name = NameNormalizer.strippingTitles(surface)
        add(kind: kind, surface: surface, name: name, key: Self.key(kind, name), entry: nil)
    }

    private mutating func add(kind: EntityKind, surface: String, name: String, key: String, entry: GazetteerEntry?) {
        guard !key.isEmpty else { return }
        let position = index.value(for: Self.slotHash(kind, key), orInsert: slots.count)
        if position < slots.count {
            var copy = surface
            copy.withUTF8 { addMention($0, at: position, written: surface) }
            return
        }
        keyBytes.append(contentsOf: key.utf8)
        var copy = surface
        copy.withUTF8 { bytes in
            append(name: name, id: entry?.id, country: entry?.countryCode, mention: surface, kind, keyCount: key.utf8.count, bytes)
        }
    }

    /// The same as `add(kind:surface:name:key:entry:)` for a surface read from the text's bytes.
    private mutating func add(kind: EntityKind, surface: UnsafeBufferPointer<UInt8>, name: String, key: String, entry: GazetteerEntry) {
        var key = key
        key.withUTF8 { settle(kind, key: $0, surface: surface, name: name, id: entry.id, country: entry.countryCode) }
    }

    /// Files a surface read from the text under its key: a mention of the entity already keyed so, else a
    /// new entity named `name` (the surface as written when nil). Keys are bytes so that a key built in
    /// a stack buffer and a `String` key take the same path.
    private mutating func settle(_ kind: EntityKind, key: UnsafeBufferPointer<UInt8>, surface: UnsafeBufferPointer<UInt8>,
                                 name: String?, id: String?, country: String?) {
        guard !key.isEmpty else { return }
        let position = index.value(for: Self.slotHash(kind, key), orInsert: slots.count)
        if position < slots.count {
            addMention(surface, at: position)
            return
        }
        let written = String(decoding: surface, as: UTF8.self)
        keyBytes.append(contentsOf: key)
        append(name: name ?? written, id: id, country: country, mention: written, kind, keyCount: key.count, surface)
    }

    /// A new entity, whose only mention is `mention` (`surface` as a `String`); its key is the last
    /// `keyCount` bytes of `keyBytes`. The entity is made in its list's append: one made before and
    /// handed over was copied into the list.
    private mutating func append(name: String, id: String?, country: String?, mention: String, _ kind: EntityKind, keyCount: Int,
                                 _ surface: UnsafeBufferPointer<UInt8>) {
        let ascii = TokenSpans.isASCII(surface)
        if ascii { index[Self.mentionHash(surface, slots.count)] = 0 }
        let keyStart = keyBytes.count - keyCount
        let spaced = keyBytes[keyStart...].contains(0x20)
        let member: Int
        // Each list is sized for the story's runs when its first entity comes: growing it step by
        // step from empty cost more than the rest of the appends.
        switch kind {
        case .person:
            member = found.people.count
            if member == 0 { found.people.reserveCapacity(expected) }
            found.people.append(Entity(name: name, id: id, country: country, mentions: [mention]))
        case .place:
            member = found.places.count
            if member == 0 { found.places.reserveCapacity(expected) }
            found.places.append(Entity(name: name, id: id, country: country, mentions: [mention]))
        case .organization:
            member = found.organizations.count
            if member == 0 { found.organizations.reserveCapacity(expected) }
            found.organizations.append(Entity(name: name, id: id, country: country, mentions: [mention]))
        }
        slots.append(Slot(kind: kind, member: member, keyStart: keyStart, keyCount: keyCount, spaced: spaced, asciiMentions: ascii))
    }

    /// Lists `surface` among the entity's mentions unless it is there already; `written` is the
    /// surface as a `String` when the caller has one.
    private mutating func addMention(_ surface: UnsafeBufferPointer<UInt8>, at position: Int, written: String? = nil) {
        let ascii = TokenSpans.isASCII(surface)
        if ascii, slots[position].asciiMentions {
            // ASCII strings are equal when their bytes are: the hash decides.
            let hash = Self.mentionHash(surface, position)
            guard index.insert(hash) else { return }
            appendMention(written ?? String(decoding: surface, as: UTF8.self), to: slots[position])
            return
        }
        // Beyond ASCII, `String` equality (canonical equivalence) decides, as it always did.
        let mention = written ?? String(decoding: surface, as: UTF8.self)
        guard !mentions(of: slots[position]).contains(mention) else { return }
        appendMention(mention, to: slots[position])
        if ascii { index[Self.mentionHash(surface, position)] = 0 } else { slots[position].asciiMentions = false }
    }

    /// The mentions listed for the slot's entity.
    private func mentions(of slot: Slot) -> [String] {
        switch slot.kind {
        case .person: found.people[slot.member].mentions
        case .place: found.places[slot.member].mentions
        case .organization: found.organizations[slot.member].mentions
        }
    }

    /// Appends to the mentions of the slot's entity, in place.
    private mutating func appendMention(_ mention: String, to slot: Slot) {
        switch slot.kind {
        case .person: found.people[slot.member].mentions.append(mention)
        case .place: found.places[slot.member].mentions.append(mention)
        case .organization: found.organizations[slot.member].mentions.append(mention)
        }
    }

    /// FNV-1a of a mention's bytes and its entity's position.
    private static func mentionHash(_ surface: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt64 {
        (TokenSpans.hash(surface) ^ UInt64(truncatingIfNeeded: position)) &* TokenSpans.prime
    }

    /// People in either name order share a key ("Nakagawa Yuko", "Yuko Nakagawa"); "Hainan Province"
    /// is "Hainan".
    static func key(_ kind: EntityKind, _ name: String) -> String {
        switch kind {
        case .person: return sortedWords(NameNormalizer.key(name))
        case .place:
            let literal = NameNormalizer.literalKey(name)
            // A key without a space is one word (or none), which split and joined give back as it is:
            // most places, and every dateline city of one word, skip the array of words.
            guard hasSpace(literal) else { return literal }
            var words = literal.split(separator: " ")
            if words.count > 1, let last = words.last, ExtractionLexicon.droppedPlaceHeads.contains(String(last)) { words.removeLast() }
            return words.joined(separator: " ")
        case .organization: return organizationKey(NameNormalizer.literalKey(name))
        }
    }

    /// The entities, in order of first mention; surnames merged into full names, acronyms into the
    /// organisation whose initials they are. Takes them out of the collector (which is then empty), so
    /// that merging mentions changes them in place instead of copying the lists.
    mutating func entities() -> Entities {
        // The keys' bytes, borrowed once for the two passes over the slots.
        let bytes = keyBytes
        let dropped = bytes.withUnsafeBufferPointer { mergeShortNames($0) }
        var result = Entities()
        swap(&result, &found)
        // Backwards, so that each removal leaves the places of those still to remove as they are.
        for position in dropped.reversed() {
            let slot = slots[position]
            switch slot.kind {
            case .person: result.people.remove(at: slot.member)
            case .place: result.places.remove(at: slot.member)
            case .organization: result.organizations.remove(at: slot.member)
            }
        }
        return result
    }

    /// Merges the mentions of each one-word person and acronym into the full name that holds it, and
    /// returns the slots so merged, in order.
    private mutating func mergeShortNames(_ keyBytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        // Each word of a full name, and each long organisation's initials, point at its first holder:
        // one table, keyed by 64-bit hashes of their bytes (the initials' marked by `initialsMark`),
        // with no `Substring` or `String` per word. Keys beyond ASCII put the organisations' initials in
        // a `Dictionary`, whose `String` equality bytes cannot give.
        var firstHolder = HashIndex(capacity: slots.count * 2)
        @inline(__always) func key(_ slot: Slot) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: keyBytes[slot.keyStart..<(slot.keyStart + slot.keyCount)])
        }
        let asciiOrganizations = slots.allSatisfy { $0.kind != .organization || TokenSpans.isASCII(key($0)) }
        var organizationOfInitials: [String: Int] = [:]
        // By position: iterating the slots themselves copied each one.
        for position in slots.indices where slots[position].spaced {
            let slot = slots[position]
            switch slot.kind {
            case .person:
                Self.forEachWordHash(key(slot)) { _ = firstHolder.value(for: $0, orInsert: position) }
            case .organization:
                if asciiOrganizations {
                    _ = firstHolder.value(for: Self.asciiInitialsHash(key(slot)) ^ Self.initialsMark, orInsert: position)
                } else {
                    let initials = Self.initials(String(decoding: key(slot), as: UTF8.self))
                    if organizationOfInitials[initials] == nil { organizationOfInitials[initials] = position }
                }
            case .place:
                continue
            }
        }
        var dropped: [Int] = []
        for position in slots.indices where !slots[position].spaced {
            let slot = slots[position]
            let target: Int?
            switch slot.kind {
            case .person:
                target = firstHolder[Self.byteHash(key(slot))]
            case .organization:
                guard slot.keyCount >= 2, mentions(of: slot).allSatisfy(Self.isCapitalsAndFullStops) else { continue }
                target = asciiOrganizations ? firstHolder[Self.byteHash(key(slot)) ^ Self.initialsMark]
                    : organizationOfInitials[String(decoding: key(slot), as: UTF8.self)]
            case .place:
                continue
            }
            guard let target else { continue }
            let into = slots[target]
            for mention in mentions(of: slot) where !mentions(of: into).contains(mention) {
                appendMention(mention, to: into)
            }
            dropped.append(position)
        }
        return dropped
    }

    /// Mixed into an organisation's initials' hash, apart from the words of people's names.
    private static let initialsMark: UInt64 = 0x5851_F42D_4C95_7F2D

    /// `byteHash` of each space-separated word of a key's bytes, in order.
    private static func forEachWordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for byte in bytes {
            if byte == 0x20 {
                if inWord { body(hash) }
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            } else {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                inWord = true
            }
        }
        if inWord { body(hash) }
    }

    /// `byteHash(initials(key).utf8)` for an ASCII key, read in place: each word's first byte,
    /// connectors ("of", "for the") skipped.
    private static func asciiInitialsHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start, !isConnector(bytes, start..<index) { hash = (hash ^ UInt64(bytes[start])) &* 0x100_0000_01b3 }
            start = index + 1
        }
        return hash
    }

    /// "mikawa seiki co" and "mikawa seiki" are one company: corporate suffixes do not count.
    static func organizationKey(_ key: String) -> String {
        // Nearly no key ends in a suffix: its last word is checked on the contiguous bytes first.
        var copy = key
        let endsInSuffix = copy.withUTF8 { bytes -> Bool in
            guard let lastSpace = bytes.lastIndex(of: 0x20) else { return false }
            return isCorporateSuffix(UnsafeBufferPointer(rebasing: bytes[(lastSpace + 1)...]))
        }
        guard endsInSuffix else { return key }
        var words = key.split(separator: " ")
        // On the word's bytes: a `String` equals an ASCII suffix exactly when its bytes do, and the
        // array literal and `String` per word this replaced were most of the cost.
        while words.count > 1, let last = words.last, isCorporateSuffix(last.utf8) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// "india meteorological department" → "imd"; connectors ("of", "for the") do not count.
    static func initials(_ key: String) -> String {
        var copy = key
        // ASCII keys: each word's first byte, read in place, without a `String` per word.
        let ascii = copy.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var letters: [UInt8] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start, !isConnector(bytes, start..<index) { letters.append(bytes[start]) }
                start = index + 1
            }
            return String(decoding: letters, as: UTF8.self)
        }
        if let ascii { return ascii }
        return String(key.split(separator: " ").filter { !ExtractionLexicon.nameConnectors.contains(String($0)) }.compactMap(\.first))
    }

    /// The words of a key in byte order, joined by single spaces ("kim jong un" → "jong kim un").
    /// ASCII keys sort on bytes, which is the order `String` comparison gives them; read in place.
    static func sortedWords(_ key: String) -> String {
        var copy = key
        // nil: the key is its own answer.
        let sorted = copy.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else {
                return key.split(separator: " ").sorted().joined(separator: " ")
            }
            // Two words, the common case: one comparison, no sort.
            if let space = bytes.firstIndex(of: 0x20), space > 0, space + 1 < bytes.count,
               !bytes[(space + 1)...].contains(0x20) {
                let first = bytes[..<space], second = bytes[(space + 1)...]
                guard second.lexicographicallyPrecedes(first) else { return nil }
                return String(unsafeUninitializedCapacity: bytes.count) { out in
                    var at = 0
                    for byte in second { out[at] = byte; at += 1 }
                    out[at] = 0x20
                    at += 1
                    for byte in first { out[at] = byte; at += 1 }
                    return at
                }
            }
            let words = wordRanges(bytes).sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for word in words {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: bytes[word])
            }
            return String(decoding: out, as: UTF8.self)
        }
        return sorted ?? key
    }

    /// The non-empty runs of bytes between spaces.
    private static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start { ranges.append(start..<index) }
            start = index + 1
        }
        return ranges
    }

    /// FNV-1a of the bytes as they are: equal words, equal hashes; distinct words collide with a
    /// chance of one in 2^64.
    static func byteHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private static let connectorWords: [[UInt8]] = ExtractionLexicon.nameConnectors.map { Array($0.utf8) }
    private static let corporateSuffixes: [[UInt8]] = ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"].map { Array($0.utf8) }

    private static let longestConnector = connectorWords.map(\.count).max() ?? 0

    private static func isConnector(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count <= longestConnector else { return false }
        for connector in connectorWords where connector.count == word.count {
            var equal = true
            for offset in 0..<connector.count where connector[offset] != bytes[word.lowerBound + offset] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    private static func isCorporateSuffix(_ word: some Collection<UInt8>) -> Bool {
        let count = word.count
        return corporateSuffixes.contains { $0.count == count && $0.elementsEqual(word) }
    }

    /// Every `Character` upper case or a full stop ("IMD", "U.N."); ASCII text decided on its bytes,
    /// where that is A–Z and ".".
    static func isCapitalsAndFullStops(_ mention: String) -> Bool {
        var copy = mention
        let ascii = copy.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }
        }
        return ascii ?? mention.allSatisfy { $0.isUppercase || $0 == "." }
    }

    /// True when the key holds a space, read on its contiguous bytes when it has them.
    static func hasSpace(_ key: String) -> Bool {
        key.utf8.withContiguousStorageIfAvailable { $0.contains(0x20) } ?? key.utf8.contains(0x20)
    }

    /// FNV-1a of the kind and the key's bytes, the key of `index`.
    static func slotHash(_ kind: EntityKind, _ key: String) -> UInt64 {
        var copy = key
        // On the key's bytes in place: iterating the UTF-8 view cost more than the hashing.
        return copy.withUTF8 { slotHash(kind, $0) }
    }

    static func slotHash(_ kind: EntityKind, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let seed: UInt64 = switch kind {
        case .person: 1
        case .place: 2
        case .organization: 3
        }
        return TokenSpans.hash(key, seed: (TokenSpans.basis ^ seed) &* TokenSpans.prime)
    }
}
