import WireGazetteer
import WireModel

/// One canonical name and a stable `id` per entity across the spellings of a story.
///
/// Known names take the gazetteer's id and name (`iso3166:KP`, `geonames:1871859`,
/// `org:korean-central-news-agency`, reached from "KCNA" as from the full name). Others get an id made
/// from their normalised key (`NameNormalizer`), so the same name gets the same id in every story and
/// after a restart: people `person:` plus the key's letters run together, so that hyphens, spaces and
/// case ("Choe Ryong-hae", "Choe Ryong Hae", "CHOE RYONG HAE") do not matter; places `place:` and
/// organisations `org:` plus the key's words joined by hyphens, as the gazetteer writes its own.
/// Entities that end up with one id merge, mentions kept; a surname alone merges into the one full
/// name it ends or starts, and an acronym into the organisation whose initials it is.
public struct EntityCanonicalizer: Sendable {
    private let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func canonical(_ entities: Entities) -> Entities {
        Entities(
            people: mergeSurnames(merge(entities.people.map(person))),
            places: merge(entities.places.map(place)),
            organizations: mergeAcronyms(merge(entities.organizations.map(organization))))
    }

    // MARK: - Ids

    func person(_ entity: Entity) -> Entity {
        var entity = entity
        entity.name = NameNormalizer.strippingTitles(Self.trimmed(entity.name))
        if entity.id == nil {
            let letters = NameNormalizer.key(entity.name).filter { $0 != " " }
            if !letters.isEmpty { entity.id = "person:" + letters }
        }
        return entity
    }

    func place(_ entity: Entity) -> Entity {
        var entity = entity
        if let entry = known(entity, where: { $0.isPlace }) {
            adopt(entry, into: &entity)
        } else if entity.id == nil {
            entity.id = Self.hyphenated("place:", NameNormalizer.literalKey(entity.name))
        }
        return entity
    }

    func organization(_ entity: Entity) -> Entity {
        var entity = entity
        if let entry = known(entity, where: { !$0.isPlace }) {
            adopt(entry, into: &entity)
        } else if entity.id == nil {
            entity.id = Self.hyphenated("org:", NameNormalizer.literalKey(entity.name))
        }
        return entity
    }

    /// The gazetteer's entry for the entity's id, name or any mention.
    private func known(_ entity: Entity, where kind: (GazetteerEntry.Kind) -> Bool) -> GazetteerEntry? {
        for surface in [entity.name] + entity.mentions {
            if let entry = gazetteer.lookup(surface).first(where: { kind($0.kind) }) { return entry }
        }
        return nil
    }

    private func adopt(_ entry: GazetteerEntry, into entity: inout Entity) {
        entity.id = entry.id
        entity.name = entry.name
        entity.country = entity.country ?? entry.countryCode
    }

    /// Without stray punctuation at either end (". Lee Sung-jun" from a sentence break read as part of the name).
    static func trimmed(_ name: String) -> String {
        let utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte a character, and only A–Z, a–z and 0–9 letters or numbers.
            let kept: (UInt8) -> Bool = { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
            guard let first = utf8.firstIndex(where: kept), let last = utf8.lastIndex(where: kept) else { return "" }
            if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return name }
            return String(name[first...last])
        }
        let kept = name.drop { !($0.isLetter || $0.isNumber) }
        guard let last = kept.lastIndex(where: { $0.isLetter || $0.isNumber }) else { return "" }
        return String(kept[...last])
    }

    static func hyphenated(_ prefix: String, _ key: String) -> String? {
        guard !key.isEmpty else { return nil }
        // An ASCII key's spaces are single bytes with nothing to compose with: swap them on bytes.
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return prefix + key.replacingOccurrences(of: " ", with: "-") }
        return prefix + String(decoding: key.utf8.map { $0 == 0x20 ? 0x2D : $0 }, as: UTF8.self)
    }

    // MARK: - Merging

    /// Entities sharing an id become the first of them, with every mention.
    func merge(_ entities: [Entity]) -> [Entity] {
        var result: [Entity] = []
        var position: [String: Int] = [:]
        for entity in entities {
            guard let id = entity.id, let at = position[id] else {
                if let id = entity.id { position[id] = result.count }
                result.append(entity)
                continue
            }
            absorb(entity, into: &result[at])
        }
        return result
    }

    /// "Zhao" alone joins "Zhao Leji" when exactly one full name in the story starts or ends with it.
    func mergeSurnames(_ people: [Entity]) -> [Entity] {
        // Each name's key words, once, and only when a single-word name needs them.
        var found: [[Substring]]?
        return merge(people, into: { index in
            guard !Self.containsSpace(people[index].name) else { return nil }
            let keyWords = found ?? people.map { NameNormalizer.key($0.name).split(separator: " ") }
            found = keyWords
            let word = Substring(NameNormalizer.key(people[index].name))
            let holders = people.indices.filter { other in
                let words = keyWords[other]
                return other != index && words.count > 1 && (words.first == word || words.last == word)
            }
            return holders.count == 1 ? holders[0] : nil
        })
    }

    /// "KCNA" joins "Korean Central News Agency" when its letters are the name's initials.
    func mergeAcronyms(_ organizations: [Entity]) -> [Entity] {
        // Every name's initials, once, and only when an acronym needs them.
        var found: [String]?
        return merge(organizations, into: { index in
            guard let letters = Self.acronymLetters(organizations[index].name) else { return nil }
            let initials = found ?? organizations.map { Self.initials($0.name) }
            found = initials
            let holders = organizations.indices.filter { $0 != index && initials[$0] == letters }
            return holders.count == 1 ? holders[0] : nil
        })
    }

    /// Each entity that `target` (given its index) points at another absorbs into that one, unless the
    /// other was already absorbed itself.
    private func merge(_ entities: [Entity], into target: (Int) -> Int?) -> [Entity] {
        var result = entities
        var dropped = Set<Int>()
        for index in entities.indices {
            guard let at = target(index), !dropped.contains(at) else { continue }
            absorb(entities[index], into: &result[at])
            dropped.insert(index)
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// The name without full stops when that is two or more capitals ("U.N." → "UN"); nil otherwise.
    /// An ASCII name that fails on its bytes builds nothing.
    static func acronymLetters(_ name: String) -> String? {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var count = 0
            for byte in name.utf8 where byte != 0x2E {
                guard byte >= 0x41, byte <= 0x5A else { return nil }
                count += 1
            }
            guard count >= 2 else { return nil }
        }
        let letters = name.filter { $0 != "." }
        guard letters.count >= 2, letters.allSatisfy({ $0.isUppercase }) else { return nil }
        return letters
    }

    /// `name.contains(" ")`, on bytes when the name is ASCII (Foundation's search costs far more).
    static func containsSpace(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return name.contains(" ") }
        return utf8.contains(0x20)
    }

    private func absorb(_ entity: Entity, into target: inout Entity) {
        for mention in entity.mentions where !target.mentions.contains(mention) { target.mentions.append(mention) }
        target.country = target.country ?? entity.country
    }

    /// Words initials skip.
    private static let minorWords: Set<String> = ["of", "the", "and", "for", "on", "in", "de", "la"]

    /// Capitals of the significant words: "Korean Central News Agency" → "KCNA".
    static func initials(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == " " || $0 == "-" })
            .filter { !minorWords.contains($0.lowercased()) }
            .compactMap { $0.first?.uppercased().first })
    }
}
