/// Countries, demonyms, major cities, international organisations and news agencies, looked up by the
/// normalised key of a name (`NameNormalizer.key`).
///
/// Built once from the generated tables; shared by `extract`, `dedupe` and `enrich`. Short all-capital
/// forms ("US", "WHO", "AU") are kept apart and match only when written in capitals, so that "us" or
/// "who" in prose never becomes a country or an agency.
public final class Gazetteer: Sendable {
    /// The shipped data, parsed on first use.
    public static let shared = Gazetteer(
        countries: GazetteerTables.countries, cities: GazetteerTables.cities, regions: GazetteerTables.regions,
        organizations: GazetteerTables.organizations)

    private let byKey: [String: [GazetteerEntry]]
    private let byKeyHash: KeyHashTable
    /// `NameNormalizer.wordHash` of every name's first word: a scan can skip a word no name starts with
    /// without building a key.
    private let firstWords: WordHashSet
    private let byAcronym: [String: [GazetteerEntry]]
    /// `byAcronym` by the hash of each key's bytes, for ASCII surfaces read as bytes.
    private let byAcronymHash: KeyHashTable
    /// The most words any name has: how far a longest-match scan needs to look ahead.
    public let maxNameWords: Int

    init(countries: String, cities: String, regions: String, organizations: String) {
        var builder = GazetteerBuilder()
        for row in Self.rows(countries) { builder.addCountry(row) }
        for row in Self.rows(cities) { builder.addCity(row) }
        for row in Self.rows(regions) { builder.addRegion(row) }
        for row in Self.rows(organizations) { builder.addOrganization(row) }
        byKey = builder.byKey
        byKeyHash = KeyHashTable(builder.byKey)
        byAcronym = builder.byAcronym
        byAcronymHash = KeyHashTable(builder.byAcronym)
        firstWords = WordHashSet(builder.byKey.keys.compactMap { key in key.split(separator: " ").first.map { NameNormalizer.wordHash($0.utf8) } })
        maxNameWords = builder.maxNameWords
    }

    /// Entries for a name as written (capitals matter only for short all-capital forms).
    public func lookup(_ surface: String) -> [GazetteerEntry] {
        // A native string's bytes are read in place: an ASCII name needs no key `String` built.
        let fast: [GazetteerEntry]?? = surface.utf8.withContiguousStorageIfAvailable { lookup(asciiBytes: $0) }
        if let fast, let entries = fast { return entries }
        return lookupByKeyString(surface)
    }

    /// `lookup(String(decoding: bytes, as: UTF8.self))`, for a caller that holds the name's UTF-8 bytes
    /// (a span of a longer line): an ASCII name is looked up without making it a `String`.
    public func lookup(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [GazetteerEntry] {
        if let entries = lookup(asciiBytes: bytes) { return entries }
        return lookupByKeyString(String(decoding: bytes, as: UTF8.self))
    }

    /// `lookupByKeyString` for ASCII bytes by hashes alone, nil when a byte is not ASCII. While the
    /// bytes may be an acronym key (capitals, digits, hyphens, full stops) they are hashed minus their
    /// full stops, as `withoutFullStops` writes the key — most names stop being one at their second
    /// byte; then the literal key is hashed (`literalKeyHash(ascii:)`). Building and hashing key
    /// `String`s cost more than the rest of a lookup.
    private func lookup(asciiBytes bytes: UnsafeBufferPointer<UInt8>) -> [GazetteerEntry]? {
        var acronymHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x2E { continue }
            guard byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == 0x2D else { index = -1; break }
            acronymHash = (acronymHash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        // Every byte read was a capital, digit, hyphen or full stop (so ASCII).
        if index == bytes.count {
            let entries = byAcronymHash.entries(forHash: acronymHash)
            if !entries.isEmpty { return entries }
        }
        guard let hash = Self.literalKeyHash(ascii: bytes) else { return nil }
        return byKeyHash.entries(forHash: hash)
    }

    /// The lookup through key `String`s (the acronym dictionary, then `NameNormalizer.literalKey`): the
    /// path for non-ASCII names, and the reference `lookup(asciiBytes:)` is tested against.
    func lookupByKeyString(_ surface: String) -> [GazetteerEntry] {
        if Self.mayBeAcronymKey(surface.utf8), let acronym = byAcronym[Self.withoutFullStops(surface)] { return acronym }
        return byKey[NameNormalizer.literalKey(surface)] ?? []
    }

    /// False when `surface` minus its full stops cannot be an acronym key (capitals, digits, hyphens):
    /// decided on ASCII bytes, so most lookups build no filtered copy. Non-ASCII text may be one.
    static func mayBeAcronymKey(_ surface: some Sequence<UInt8>) -> Bool {
        for byte in surface {
            if byte >= 0x80 { return true }
            let capital = byte >= 0x41 && byte <= 0x5A
            let digit = byte >= 0x30 && byte <= 0x39
            if !capital, !digit, byte != 0x2E, byte != 0x2D { return false }
        }
        return true
    }

    /// The surface without its full stops ("U.N." → "UN"): on bytes for ASCII text, and without a copy
    /// when there is none; by `Character` otherwise, where a full stop may carry a combining mark.
    private static func withoutFullStops(_ surface: String) -> String {
        let utf8 = surface.utf8
        guard utf8.contains(0x2E) else { return surface }
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return surface.filter { $0 != "." } }
        return String(decoding: utf8.filter { $0 != 0x2E }, as: UTF8.self)
    }

    /// False when no name in the gazetteer starts with the word of this hash (see `NameNormalizer.wordHash`).
    public func mayStartName(wordHash: UInt64) -> Bool {
        firstWords.contains(wordHash)
    }

    /// Entries for an already normalised key; all-capital short forms are not reachable this way.
    public func entries(forKey key: String) -> [GazetteerEntry] {
        byKey[key] ?? []
    }

    /// `entries(forKey:)` for the key whose UTF-8 bytes hash to `keyHash` (`Gazetteer.keyHash`).
    public func entries(forKeyHash keyHash: UInt64) -> [GazetteerEntry] {
        byKeyHash.entries(forHash: keyHash)
    }

    /// The hash `entries(forKeyHash:)` takes: FNV-1a of the key's UTF-8 bytes.
    @inlinable public static func keyHash(_ keyBytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in keyBytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// "US", "WHO", "U.N.": a short form in capitals, which matches only as written.
    @inlinable public static func isShortCapitalForm(_ surface: some StringProtocol) -> Bool {
        GazetteerBuilder.isAcronymForm(surface)
    }

    /// The first entry of a kind, for a name as written.
    public func first(_ surface: String, kind: GazetteerEntry.Kind) -> GazetteerEntry? {
        lookup(surface).first { $0.kind == kind }
    }

    /// The country entry for an ISO alpha-2 code.
    public func country(code: String) -> GazetteerEntry? {
        byKey["iso3166:" + code.lowercased()]?.first
    }

    private static func rows(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }
}
