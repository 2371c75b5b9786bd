/// What a gazetteer knows about one name.
///
/// A class, immutable: extraction copies entries with every name run it weighs, and one reference
/// costs a single retain where a struct of four strings cost four.
public final class GazetteerEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case country, city, region, organization, agency

        /// Countries, cities and regions: what `extract` lists as places.
        public var isPlace: Bool { self == .country || self == .city || self == .region }
    }

    public let kind: Kind
    /// The canonical name, e.g. "North Korea", "Korean Central News Agency".
    public let name: String
    /// A stable id: `iso3166:KP`, `geonames:1871859`, or `org:` plus the canonical name's key.
    public let id: String
    /// ISO 3166-1 alpha-2 of the place, or of the organisation's home; nil for international bodies.
    public let countryCode: String?
    /// The short form wire copy uses, when there is one ("KCNA", "Yonhap").
    public let shortName: String?
    /// True when the matched name is an adjective ("North Korean"), not the place itself.
    public let isDemonym: Bool

    public init(
        kind: Kind, name: String, id: String, countryCode: String?, shortName: String? = nil, isDemonym: Bool = false
    ) {
        self.kind = kind
        self.name = name
        self.id = id
        self.countryCode = countryCode
        self.shortName = shortName
        self.isDemonym = isDemonym
    }

    /// Equal by content, as the struct this was: two entries built alike are the same entry.
    public static func == (left: GazetteerEntry, right: GazetteerEntry) -> Bool {
        left === right || (left.kind == right.kind && left.name == right.name && left.id == right.id
            && left.countryCode == right.countryCode && left.shortName == right.shortName && left.isDemonym == right.isDemonym)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(id)
        hasher.combine(countryCode)
        hasher.combine(shortName)
        hasher.combine(isDemonym)
    }

    /// The same entry reached through an adjective.
    func asDemonym() -> GazetteerEntry {
        GazetteerEntry(kind: kind, name: name, id: id, countryCode: countryCode, shortName: shortName, isDemonym: true)
    }
}
