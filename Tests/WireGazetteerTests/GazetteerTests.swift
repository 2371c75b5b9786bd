import Testing
@testable import WireGazetteer

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    @Test func countriesByNameShortFormAndCode() {
        #expect(gazetteer.lookup("North Korea").first?.id == "iso3166:KP")
        #expect(gazetteer.lookup("N. Korea").first?.countryCode == "KP")
        #expect(gazetteer.lookup("the DPRK").first?.countryCode == "KP")
        #expect(gazetteer.country(code: "KR")?.name == "South Korea")
    }

    @Test func demonymsAreMarked() {
        let entry = gazetteer.lookup("N. Korean").first
        #expect(entry?.countryCode == "KP")
        #expect(entry?.isDemonym == true)
    }

    @Test func citiesCarryGeoNamesIDs() {
        let pyongyang = gazetteer.lookup("Pyongyang").first
        #expect(pyongyang?.id == "geonames:1871859")
        #expect(pyongyang?.countryCode == "KP")
        #expect(gazetteer.lookup("Kiev").first?.name == "Kyiv")
    }

    @Test func agenciesByAcronymAndFullName() {
        #expect(gazetteer.lookup("KCNA").first?.name == "Korean Central News Agency")
        #expect(gazetteer.lookup("Korean Central News Agency").first?.shortName == "KCNA")
        #expect(gazetteer.lookup("Yonhap").first?.shortName == "Yonhap")
        #expect(gazetteer.lookup("Associated Press").first?.shortName == "AP")
    }

    @Test func shortCapitalFormsNeedCapitals() {
        #expect(!gazetteer.lookup("US").isEmpty)
        #expect(gazetteer.lookup("us").isEmpty)
        #expect(gazetteer.lookup("who").isEmpty)
        #expect(gazetteer.lookup("Zorblax Freight").isEmpty)
    }
}

/// ASCII names are looked up by the hash of their key, read without building the key: the hash must
/// be the key's, and find what the key finds.
@Suite struct LiteralKeyHashTests {
    @Test func theHashIsTheHashOfTheLiteralKey() {
        let names = ["North Korea", "the United States", "Seoul's", "Korean Central News Agency", "World Bank", "Hong Kong",
                     "The Hague", "the", "the the", "'", "", "Pyongyang'", "Kyodo News", "St. Louis", "Nowhere Land", "U.N.",
                     "  Tokyo  ", "Rio-de-Janeiro", "AT&T", "Xinhua's", "the DPRK", "Côte d'Ivoire"]
        for name in names {
            let key = NameNormalizer.literalKey(name)
            guard let hash = NameNormalizer.asciiLiteralKeyHash(name) else {
                #expect(name.utf8.contains { $0 >= 0x80 }, "\(name)")
                continue
            }
            #expect(hash == Gazetteer.keyHash(key.utf8), "\(name)")
            #expect(Gazetteer.shared.entries(forKeyHash: hash) == Gazetteer.shared.entries(forKey: key), "\(name)")
        }
    }
}
