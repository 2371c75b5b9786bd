import WireGazetteer
import WireModel

/// Groups recognised names into the item's `entities`: one entry per entity, every surface form
/// listed in `mentions`, surname mentions folded into the full name seen in the same story.
struct EntityCollector {
    private struct Slot: Hashable {
        var kind: EntityKind
        var key: String
    }

    /// Entities in order of first mention, with their kinds and keys; `index` finds one by slot.
    private var found: [Entity] = []
    private var slots: [Slot] = []
    private var index: [Slot: Int] = [:]

    mutating func add(_ run: NameRun, in text: TokenText) {
        guard let kind = run.kind else { return }
        let surface = text.string(run.range)
        if run.entry != nil || text.has(run.range.lowerBound, .personTitle) || text.isWord(run.range.lowerBound, "the") {
            add(kind: kind, surface: surface, entry: run.entry)
            return
        }
        // The common case, keyed from the tokens' bytes without re-reading the string.
        var key = text.key(run.range)
        if kind == .person, key.utf8.contains(0x20) { key = Self.sortedWords(key) }
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
        if let position = index[slot] {
            if !found[position].mentions.contains(surface) { found[position].mentions.append(surface) }
            return
        }
        index[slot] = found.count
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
        // Each word of a full name, and each long organisation's initials, point at its first holder.
        var fullNameOfWord: [Substring: Int] = [:]
        var organizationOfInitials: [String: Int] = [:]
        for (position, slot) in slots.enumerated() where slot.key.utf8.contains(0x20) {
            switch slot.kind {
            case .person:
                for word in Self.words(slot.key) where fullNameOfWord[word] == nil { fullNameOfWord[word] = position }
            case .organization:
                let initials = Self.initials(slot.key)
                if organizationOfInitials[initials] == nil { organizationOfInitials[initials] = position }
            case .place:
                continue
            }
        }
        for (position, slot) in slots.enumerated() where !slot.key.utf8.contains(0x20) {
            let target: Int?
            switch slot.kind {
            case .person:
                target = fullNameOfWord[Substring(slot.key)]
            case .organization:
                guard slot.key.utf8.count >= 2, found[position].mentions.allSatisfy({ $0.allSatisfy { $0.isUppercase || $0 == "." } }) else { continue }
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
        guard let lastSpace = key.utf8.lastIndex(of: 0x20),
              ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"].contains(String(key[key.index(after: lastSpace)...])) else { return key }
        var words = key.split(separator: " ")
        while words.count > 1, let last = words.last, ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"].contains(String(last)) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// "india meteorological department" → "imd"; connectors ("of", "for the") do not count.
    static func initials(_ key: String) -> String {
        guard isASCII(key) else {
            return String(key.split(separator: " ").filter { !ExtractionLexicon.nameConnectors.contains(String($0)) }.compactMap(\.first))
        }
        // ASCII keys: each word's first byte, without a `String` per word.
        var letters: [UInt8] = []
        for word in key.utf8.split(separator: 0x20) where !connectorWords.contains(where: { $0.elementsEqual(word) }) {
            if let first = word.first { letters.append(first) }
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// The words of a key in byte order, joined by single spaces ("kim jong un" → "jong kim un").
    /// ASCII keys sort on bytes, which is the order `String` comparison gives them.
    static func sortedWords(_ key: String) -> String {
        guard isASCII(key) else { return key.split(separator: " ").sorted().joined(separator: " ") }
        return words(key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: " ")
    }

    /// The space-separated words of a key; `split(separator:)` on its bytes for ASCII keys (splitting
    /// on `Character`s cost more than all the rest of collecting).
    static func words(_ key: String) -> [Substring] {
        guard isASCII(key) else { return key.split(separator: " ") }
        return key.utf8.split(separator: 0x20).map { key[$0.startIndex..<$0.endIndex] }
    }

    private static let connectorWords: [[UInt8]] = ExtractionLexicon.nameConnectors.map { Array($0.utf8) }

    private static func isASCII(_ key: String) -> Bool {
        key.utf8.allSatisfy { $0 < 0x80 }
    }

}
