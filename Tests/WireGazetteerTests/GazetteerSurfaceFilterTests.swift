import Testing
@testable import WireGazetteer

/// `Gazetteer.mayName` may only turn away surfaces whose lookup is empty, and its key hash must be the
/// hash of the key `literalKey` builds.
@Suite struct GazetteerSurfaceFilterTests {
    let gazetteer = Gazetteer.shared

    static let surfaces: [String] = [
        "North Korea", "N. Korea", "the DPRK", "The Gambia", "the", "The", "Theodore Roosevelt", "the the",
        "Korea's", "Koreas'", "KOREA'S", "People's Republic of China", "U.S.", "US", "U.N.", "WHO", "who",
        "Bosnia and Herzegovina", "Republic of Korea", "Pyongyang", "Kiev", "Kyiv", "Seoul Mayor", "Mr Kim",
        "Guinea-Bissau", "al-Qaeda", "A", "a", "", ".", "'", "'s", "s", "3M", "G7 summit", "the G7",
        "Korean Central News Agency", "Yonhap", "Reuters", "Washington", "New York", "NEW YORK", "Sao Paulo",
        "Theresa", "them", "then other", "Chinese", "North Korean", "South  Korea", "South - Korea", "x.y'z",
    ]

    @Test func keyHashIsTheLiteralKeysHash() {
        for surface in Self.surfaces {
            let expected = Gazetteer.keyHash(NameNormalizer.literalKey(surface).utf8)
            let hash = Array(surface.utf8).withUnsafeBufferPointer { Gazetteer.literalKeyHash(ascii: $0) }
            #expect(hash == expected, "\(surface)")
        }
        #expect(Array("Zürich".utf8).withUnsafeBufferPointer { Gazetteer.literalKeyHash(ascii: $0) } == nil)
    }

    @Test func filterTurnsAwayOnlyEmptyLookups() {
        var turnedAway = 0
        for surface in Self.surfaces + ["Zürich", "Türkiye", "São Paulo"] {
            let may = Array(surface.utf8).withUnsafeBufferPointer { gazetteer.mayName(surface: $0) }
            if !may {
                turnedAway += 1
                #expect(gazetteer.lookup(surface).isEmpty, "\(surface)")
            }
            if !gazetteer.lookup(surface).isEmpty { #expect(may, "\(surface)") }
        }
        // The filter must do its job too: most of these name nothing.
        #expect(turnedAway >= 10)
    }
}
