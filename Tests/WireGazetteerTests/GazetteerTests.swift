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
