import Testing
import WireGazetteer
@testable import WireExtract

/// The collector's key shortcuts (a place key of one word returned as it is, corporate suffixes
/// compared on bytes) must give what splitting into words and comparing `String`s gave, also for
/// keys beyond ASCII, with combining marks, doubled spaces or suffix-like words.
@Suite struct EntityKeyShortcutTests {
    static let names = [
        "", " ", "Seoul", "SEOUL", "Hainan Province", "Aichi Prefecture", "Province", "Saitama  Prefecture",
        "São Paulo", "Zürich", "Mikawa Seiki Co", "Hansa Rail AG", "Nilgiri Partners Ltd Plc", "Co", "Inc Inc",
        "Société Générale SA", "Ato Co\u{301}", "Kim Co.", "Baltic Sea NV", "Ｃｏ Ltd", "x \u{301}y", "Port of Busan ",
        "Coast Guard", "Sa", "Sino-Ocean Group Holding Ltd.", "Corp Corp",
    ]

    @Test func placeKeysAreTheWordSplitKeys() {
        for name in Self.names {
            var words = NameNormalizer.literalKey(name).split(separator: " ")
            if words.count > 1, let last = words.last, ExtractionLexicon.droppedPlaceHeads.contains(String(last)) { words.removeLast() }
            #expect(EntityCollector.key(.place, name) == words.joined(separator: " "), "\(name)")
        }
    }

    @Test func organizationKeysAreTheStringComparedKeys() {
        for name in Self.names {
            for key in [NameNormalizer.literalKey(name), name, name.lowercased()] {
                var words = key.split(separator: " ")
                let suffixes = ["co", "corp", "inc", "ltd", "plc", "llc", "sa", "ag", "nv"]
                while words.count > 1, let last = words.last, suffixes.contains(String(last)) { words.removeLast() }
                let endsInSuffix = key.split(separator: " ", omittingEmptySubsequences: false).last.map { suffixes.contains(String($0)) } ?? false
                #expect(EntityCollector.organizationKey(key) == (endsInSuffix ? words.joined(separator: " ") : key), "\(key)")
            }
        }
    }

    @Test func suffixedNamesLoseTheirSuffixes() {
        #expect(EntityCollector.organizationKey("mikawa seiki co ltd") == "mikawa seiki")
        #expect(EntityCollector.organizationKey("ltd") == "ltd")
        #expect(EntityCollector.key(.place, "Hainan Province") == "hainan")
        #expect(EntityCollector.key(.place, "Seoul") == "seoul")
    }
}
