// The nested value types of `Item`, each named as its field in DESIGN §3.

public struct FeedInfo: Sendable, Equatable, Codable {
    public var title: String?
    public var language: String?
    public init(title: String? = nil, language: String? = nil) {
        self.title = title
        self.language = language
    }
}

public struct Dateline: Sendable, Equatable, Codable {
    public var place: String?
    public var date: String?
    public init(place: String? = nil, date: String? = nil) {
        self.place = place
        self.date = date
    }
}

public struct Caption: Sendable, Equatable, Codable {
    public var text: String
    public var credit: String?
    public init(text: String, credit: String? = nil) {
        self.text = text
        self.credit = credit
    }
}

public struct RelatedLink: Sendable, Equatable, Codable {
    public var headline: String
    public var url: String?
    public init(headline: String, url: String? = nil) {
        self.headline = headline
        self.url = url
    }
}

/// Something `clean` removed from the copy, kept so that nothing is lost silently.
public struct Furniture: Sendable, Equatable, Codable {
    /// e.g. `share-widget`, `site-name`, `related`, `duplicate-caption`, `stray-script`, `byline`.
    public var kind: String
    public var text: String
    public init(kind: String, text: String) {
        self.kind = kind
        self.text = text
    }
}

public struct Enclosure: Sendable, Equatable, Codable {
    public var url: String
    public var type: String?
    public var length: Int?
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

public struct Quote: Sendable, Equatable, Codable {
    public var text: String
    public var speaker: String?
    public init(text: String, speaker: String? = nil) {
        self.text = text
        self.speaker = speaker
    }
}

public struct Entity: Sendable, Equatable, Codable {
    public var name: String
    public var id: String?
    public var country: String?
    public var mentions: [String]
    public init(name: String, id: String? = nil, country: String? = nil, mentions: [String] = []) {
        self.name = name
        self.id = id
        self.country = country
        self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey { case name, id, country, mentions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        mentions = try c.decodeIfPresent([String].self, forKey: .mentions) ?? []
    }
}

public struct Entities: Sendable, Equatable, Codable {
    public var people: [Entity]
    public var places: [Entity]
    public var organizations: [Entity]
    public init(people: [Entity] = [], places: [Entity] = [], organizations: [Entity] = []) {
        self.people = people
        self.places = places
        self.organizations = organizations
    }
}

public struct DateMention: Sendable, Equatable, Codable {
    public var text: String
    public var value: String?
    public init(text: String, value: String? = nil) {
        self.text = text
        self.value = value
    }
}

public struct Topic: Sendable, Equatable, Codable {
    public var code: String
    public var label: String?
    public init(code: String, label: String? = nil) {
        self.code = code
        self.label = label
    }
}

public struct DedupeInfo: Sendable, Equatable, Codable {
    public var hash: String?
    public var fingerprint: String?
    /// `unique`, `duplicate`, `near_duplicate` or `update`.
    public var status: String
    public var duplicateOf: String?
    public var similarity: Double?
    public var storyID: String?

    public init(
        hash: String? = nil, fingerprint: String? = nil, status: String,
        duplicateOf: String? = nil, similarity: Double? = nil, storyID: String? = nil
    ) {
        self.hash = hash
        self.fingerprint = fingerprint
        self.status = status
        self.duplicateOf = duplicateOf
        self.similarity = similarity
        self.storyID = storyID
    }

    enum CodingKeys: String, CodingKey {
        case hash, fingerprint, status
        case duplicateOf = "duplicate_of"
        case similarity
        case storyID = "story_id"
    }
}
