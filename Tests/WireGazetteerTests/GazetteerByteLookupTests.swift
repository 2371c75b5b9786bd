import Testing
@testable import WireGazetteer

/// `Gazetteer.lookup` reads ASCII names by hashes of their bytes; it must find exactly what the lookup
/// through key `String`s finds, for every name the tables hold and the ways copy writes them.
@Suite struct GazetteerByteLookupTests {
    let gazetteer = Gazetteer.shared

    /// Every field of every table row, alternatives split at "|": names, aliases, acronyms, demonyms
    /// (and codes, which are fine names to try too).
    static let tableNames: [String] = {
        let tables = [GazetteerTables.countries, GazetteerTables.cities, GazetteerTables.regions, GazetteerTables.organizations]
        var names = Set<String>()
        for table in tables {
            for row in table.split(separator: "\n") {
                for field in row.split(separator: "\t") {
                    for name in field.split(separator: "|") { names.insert(String(name)) }
                }
            }
        }
        return names.sorted()
    }()

    /// How copy may write a name: cases, a leading "the", possessives, full stops, brackets, spacing.
    static func variants(_ name: String) -> [String] {
        let dotted = name.map { $0.isUppercase ? "\($0)." : "\($0)" }.joined()
        return [
            name, name.uppercased(), name.lowercased(), "the " + name, "The " + name, name + "'s", name + "'",
            dotted, "(" + name + ")", " " + name + " ", name.replacingOccurrences(of: " ", with: "  "),
            name.replacingOccurrences(of: " ", with: "-"), name.replacingOccurrences(of: "-", with: " "),
            name + ".", name.filter { $0 != " " },
        ]
    }

    static let edgeCases: [String] = [
        "", " ", ".", "'", "'s", "the", "The", "the the", "U.S.", "US", "us", "U.N.", "UN", "WHO", "who", "A", "3M",
        "G7", "G-7", "AT&T", "x.y'z", "--", "U.S.-", "Türkiye", "TÜRKIYE", "São Paulo", "Zürich", "Côte d'Ivoire",
        "Korea\u{2019}s", "K\u{301}orea", "ＵＳ", "Ü.S.", "Seoul\u{00A0}Korea", "\u{212A}CNA", "Pyöngyang", "Kyōdo",
        "Reuters\r\n", "Yonhap\t", "NORTH KOREA'S", "The Gambia", "the DPRK", "the Gambia's", "the Zürich", "thé Gambia",
        "the ü", "the  - Gambia", "t.h.e Gambia", "the.Gambia", "'the' Gambia", "thee Gambia", "th Gambia", "the", "the's",
        "the ...", "the 3M", "...the Gambia", "the\u{301} Gambia",
    ]

    @Test func keyHashOnBytesIsTheHashOfTheLiteralKey() {
        for surface in Self.edgeCases + Self.tableNames.flatMap(Self.variants) {
            let hash = Array(surface.utf8).withUnsafeBufferPointer { Gazetteer.literalKeyHash(ascii: $0) }
            if surface.utf8.contains(where: { $0 >= 0x80 }) {
                #expect(hash == nil, "\(surface)")
            } else {
                #expect(hash == Gazetteer.keyHash(NameNormalizer.literalKey(surface).utf8), "\(surface)")
            }
        }
    }

    @Test func byteLookupFindsWhatTheKeyStringLookupFinds() {
        #expect(Self.tableNames.count > 1_000)
        var found = 0
        for name in Self.tableNames {
            for surface in Self.variants(name) {
                let expected = gazetteer.lookupByKeyString(surface)
                #expect(gazetteer.lookup(surface) == expected, "\(surface)")
                if !expected.isEmpty { found += 1 }
            }
        }
        // The comparison must cover real hits, not only misses.
        #expect(found > Self.tableNames.count)
    }

    @Test func edgeCasesAndNonASCIIMatchTheKeyStringLookup() {
        for surface in Self.edgeCases {
            #expect(gazetteer.lookup(surface) == gazetteer.lookupByKeyString(surface), "\(surface)")
        }
        #expect(!gazetteer.lookup("Türkiye").isEmpty)
        #expect(!gazetteer.lookup("U.S.").isEmpty)
        #expect(gazetteer.lookup("who").isEmpty)
    }

    @Test func bytesLookupIsTheStringLookup() {
        for surface in Self.edgeCases + Self.tableNames.prefix(400).flatMap(Self.variants) {
            let bytes = Array(surface.utf8).withUnsafeBufferPointer { gazetteer.lookup(utf8: $0) }
            #expect(bytes == gazetteer.lookupByKeyString(surface), "\(surface)")
        }
    }
}
