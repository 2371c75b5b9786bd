import WireGazetteer
import WireModel

/// Groups recognised names into the item's `entities`: one entry per entity, every surface form
/// listed in `mentions`, surname mentions folded into the full name seen in the same story.
struct EntityCollector {
    private struct Slot {
        var kind: EntityKind
        var key: String
    }

    /// Entities in order of first mention, with their kinds and keys; `index` finds one by a 64-bit
    /// hash of its slot (two slots share one with a chance of one in 2^64), without hashing a `String`.
    private var found: [Entity] = []
    private var slots: [Slot] = []
    private var index = HashIndex()

    mutating func add(_ run: NameRun, in text: TokenText) {
        guard let kind = run.kind else { return }
        let surface = text.string(run.range)
        if run.entry != nil || text.has(run.range.lowerBound, .personTitle) || text.isWord(run.range.lowerBound, "the") {
            add(kind: kind, surface: surface, entry: run.entry)
            return
        }
        // The common case, keyed from the tokens' bytes without re-reading the string.
        var key = text.key(run.range)
        if kind == .person, Self.hasSpace(key) { key = Self.sortedWords(key) }
        if kind == .organization { key = Self.organizationKey(key) }
        if kind == .place, run.range.count > 1, text.isWord(run.range.upperBound - 1, "province") || text.isWord(run.range.upperBound - 1, "prefecture") {
            key = text.key(run.range.lowerBound..<(run.range.upperBound - 1))
        }
        add(kind: kind, surface: surface, name: surface, key: key, entry: nil)
    }

    mutating func add(kind: EntityKind, surface: String, entry: GazetteerEntry?) {
        if let entry {
            // Known names are keyed by their id: "N. Korea" and "DPRK" are one place.
            add(kind: kind, surface: surface, name: entry.name, key: entry.id, entry: entry)
            return
        }
        let name = NameNormalizer.strippingTitles(surface)
        add(kind: kind, surface: surface, name: name, key: Self.key(kind, name), entry: nil)
    }

    private mutating func add(kind: EntityKind, surface: String, name: String, key: String, entry: GazetteerEntry?) {
        guard !key.isEmpty else { return }
        let slot = Slot(kind: kind, key: key)
        let position = index.value(for: Self.slotHash(kind, key), orInsert: found.count)
        if position < found.count {
            if !found[position].mentions.contains(surface) { found[position].mentions.append(surface) }
            return
        }
        found.append(Entity(name: name, id: entry?.id, country: entry?.countryCode, mentions: [surface]))
        slots.append(slot)
    }

    /// People in either name order share a key ("Nakagawa Yuko", "Yuko Nakagawa"); "Hainan Province"
    /// is "Hainan".
    static func key(_ kind: EntityKind, _ name: String) -> String {
        switch kind {
        case .person: return sortedWords(NameNormalizer.key(name))
        case .place:
            var words = NameNormalizer.literalKey(name).split(separator: " ")
            if words.count > 1, let last = words.last, ExtractionLexicon.droppedPlaceHeads.contains(String(last)) { words.removeLast() }
            return words.joined(separator: " ")
        case .organization: return organizationKey(NameNormalizer.literalKey(name))
        }
    }

    /// The entities, in order of first mention; surnames merged into full names, acronyms into the
    /// organisation whose initials they are.
    func entities() -> Entities {
        var entities = found
        var dropped = [Bool](repeating: false, count: found.count)
        let spaced = slots.map { Self.hasSpace($0.key) }
        // Each word of a full name, and each long organisation's initials, point at its first holder.
        // Words are keyed by a 64-bit hash of their bytes: no `Substring` per word.
        var fullNameOfWord = HashIndex(capacity: slots.count * 2)
        var organizationOfInitials: [String: Int] = Dictionary(minimumCapacity: slots.count)
        for (position, slot) in slots.enumerated() where spaced[position] {
            switch slot.kind {
            case .person:
                for word in Self.wordHashes(slot.key) { _ = fullNameOfWord.value(for: word, orInsert: position) }
            case .organization:
                let initials = Self.initials(slot.key)
                if organizationOfInitials[initials] == nil { organizationOfInitials[initials] = position }
            case .place:
                continue
            }
        }
        for (position, slot) in slots.enumerated() where !spaced[position] {
            let target: Int?
            switch slot.kind {
            case .person:
                target = fullNameOfWord[Self.byteHash(slot.key.utf8)]
            case .organization:
                guard slot.key.utf8.count >= 2, found[position].mentions.allSatisfy(Self.isCapitalsAndFullStops) else { continue }
                target = organizationOfInitials[slot.key]
            case .place:
                continue
            }
            guard let target else { continue }
            for mention in found[position].mentions where !entities[target].mentions.contains(mention) {
                entities[target].mentions.append(mention)
            }
            dropped[position] = true
        }
        var result = Entities()
        for (position, entity) in entities.enumerated() where !dropped[position] {
            switch slots[position].kind {
            case .person: result.people.append(entity)
            case .place: result.places.append(entity)
            case .organization: result.organizations.append(entity)
            }
        }
        return result
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
        while words.count > 1, let last = words.last, ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"].contains(String(last)) {
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

    /// `byteHash` of each space-separated word of a key.
    static func wordHashes(_ key: String) -> [UInt64] {
        var hashes: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        var copy = key
        copy.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x20 {
                    if inWord { hashes.append(hash) }
                    hash = 0xcbf2_9ce4_8422_2325
                    inWord = false
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                    inWord = true
                }
            }
        }
        if inWord { hashes.append(hash) }
        return hashes
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
        let seed: UInt64 = switch kind {
        case .person: 1
        case .place: 2
        case .organization: 3
        }
        var hash = (0xcbf2_9ce4_8422_2325 ^ seed) &* 0x100_0000_01b3
        var copy = key
        // On the key's bytes in place: iterating the UTF-8 view cost more than the hashing.
        copy.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }
}
