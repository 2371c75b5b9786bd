import WireGazetteer
import WireModel

/// Groups recognised names into the item's `entities`: one entry per entity, every surface form
/// listed in `mentions`, surname mentions folded into the full name seen in the same story.
struct EntityCollector {
    private var people: [String: Entity] = [:]
    private var places: [String: Entity] = [:]
    private var organizations: [String: Entity] = [:]
    private var order: [String] = []

    mutating func add(_ run: NameRun, in text: TokenText) {
        guard let kind = run.kind else { return }
        let surface = text.string(run.range)
        if run.entry != nil || text.has(run.range.lowerBound, .personTitle) || text.isWord(run.range.lowerBound, "the") {
            add(kind: kind, surface: surface, entry: run.entry)
            return
        }
        // The common case, keyed from the tokens' bytes without re-reading the string.
        var key = text.key(run.range)
        if kind == .person, key.utf8.contains(0x20) { key = key.split(separator: " ").sorted().joined(separator: " ") }
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
        let slot = kind.slot + key
        var entity = existing(kind, key) ?? Entity(name: name, id: entry?.id, country: entry?.countryCode)
        if !entity.mentions.contains(surface) { entity.mentions.append(surface) }
        if existing(kind, key) == nil { order.append(slot) }
        set(kind, key, entity)
    }

    /// People in either name order share a key ("Nakagawa Yuko", "Yuko Nakagawa"); "Hainan Province"
    /// is "Hainan".
    static func key(_ kind: EntityKind, _ name: String) -> String {
        switch kind {
        case .person: return NameNormalizer.key(name).split(separator: " ").sorted().joined(separator: " ")
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
        var result = Entities()
        var organizations = self.organizations
        for (key, entity) in organizations where !key.utf8.contains(0x20) && key.count >= 2 {
            guard entity.mentions.allSatisfy({ $0.allSatisfy { $0.isUppercase || $0 == "." } }) else { continue }
            if let full = organizations.first(where: { $0.key.utf8.contains(0x20) && Self.initials($0.key) == key }) {
                var target = full.value
                for mention in entity.mentions where !target.mentions.contains(mention) { target.mentions.append(mention) }
                organizations[full.key] = target
                organizations[key] = nil
            }
        }
        var merged = people
        let fullNames = people.filter { $0.key.utf8.contains(0x20) }
        for (key, entity) in people where !key.utf8.contains(0x20) {
            if let full = fullNames.first(where: { $0.key.split(separator: " ").contains(Substring(key)) }) {
                var target = merged[full.key] ?? full.value
                for mention in entity.mentions where !target.mentions.contains(mention) { target.mentions.append(mention) }
                merged[full.key] = target
                merged[key] = nil
            }
        }
        for slot in order {
            let kindTag = slot.prefix(2)
            let key = String(slot.dropFirst(2))
            switch kindTag {
            case "p:": if let entity = merged[key] { result.people.append(entity) }
            case "l:": if let entity = places[key] { result.places.append(entity) }
            default: if let entity = organizations[key] { result.organizations.append(entity) }
            }
        }
        return result
    }

    /// "mikawa seiki co" and "mikawa seiki" are one company: corporate suffixes do not count.
    static func organizationKey(_ key: String) -> String {
        var words = key.split(separator: " ")
        while words.count > 1, let last = words.last, ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"].contains(String(last)) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// "india meteorological department" → "imd"; connectors ("of", "for the") do not count.
    static func initials(_ key: String) -> String {
        String(key.split(separator: " ").filter { !ExtractionLexicon.nameConnectors.contains(String($0)) }.compactMap(\.first))
    }

    private func existing(_ kind: EntityKind, _ key: String) -> Entity? {
        switch kind {
        case .person: people[key]
        case .place: places[key]
        case .organization: organizations[key]
        }
    }

    private mutating func set(_ kind: EntityKind, _ key: String, _ entity: Entity) {
        switch kind {
        case .person: people[key] = entity
        case .place: places[key] = entity
        case .organization: organizations[key] = entity
        }
    }
}

extension EntityKind {
    var slot: String {
        switch self {
        case .person: "p:"
        case .place: "l:"
        case .organization: "o:"
        }
    }
}
