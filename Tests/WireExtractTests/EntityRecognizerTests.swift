import Testing
import WireModel
@testable import WireExtract

@Suite struct EntityRecognizerTests {
    func entities(_ paragraphs: [String]) -> Entities {
        ExtractTestSupport.extract(paragraphs).entities ?? Entities()
    }

    @Test func inventedNamesFoundByTitlesAndSpeech() {
        let found = entities([
            "Harbour Minister Olvira Tesk said the quay would reopen, according to the ministry.",
            "\"We are ready,\" said Bram Kettering, 61, who runs a ferry.",
            "Quelt Vanadi, deputy director of the Norvane Port Authority, said crews were waiting.",
            "Tesk later met Kettering in Norvane.",
        ])
        let people = ExtractTestSupport.names(found.people)
        #expect(people.contains("Olvira Tesk"))
        #expect(people.contains("Bram Kettering"))
        #expect(people.contains("Quelt Vanadi"))
        #expect(people.count == 3)
        let tesk = found.people.first { $0.name == "Olvira Tesk" }
        #expect(tesk?.mentions.contains("Tesk") == true)
        #expect(ExtractTestSupport.names(found.organizations).contains("Norvane Port Authority"))
    }

    @Test func gazetteerPlacesAndOrganisationsWithIDs() {
        let found = entities(["North Korea's Korean Central News Agency (KCNA) said Kim Jong-un visited Pyongyang and Beijing."])
        let pyongyang = found.places.first { $0.name == "Pyongyang" }
        #expect(pyongyang?.id == "geonames:1871859")
        #expect(pyongyang?.country == "KP")
        #expect(found.places.contains { $0.name == "North Korea" })
        let kcna = found.organizations.first { $0.name == "Korean Central News Agency" }
        #expect(kcna?.mentions.contains("KCNA") == true)
    }

    @Test func headWordsAndCuesTypeUnknownNames() {
        let found = entities([
            "Ships from the Velmar Coast Guard sailed into the Karsic Sea on Monday.",
            "Freight group Drennick Rail said it was moving cargo to Tollensby port.",
        ])
        #expect(ExtractTestSupport.names(found.organizations).contains("Velmar Coast Guard"))
        #expect(ExtractTestSupport.names(found.organizations).contains("Drennick Rail"))
        #expect(ExtractTestSupport.names(found.places).contains("Karsic Sea"))
        #expect(ExtractTestSupport.names(found.places).contains("Tollensby"))
    }

    @Test func demonymsAndSentenceStartsAreNotEntities() {
        let found = entities(["Vietnamese officials welcomed the plan. The talks ended. Critics said it was late."])
        #expect(found.places.isEmpty)
        #expect(found.people.isEmpty)
        #expect(found.organizations.isEmpty)
    }

    @Test func namesInEitherOrderAreOnePerson() {
        let found = entities(["President Yuko Harada spoke.", "The firm's President Harada Yuko smiled."])
        #expect(found.people.count == 1)
    }

    @Test func switchedOffMeansAbsent() {
        var options = ExtractOptions()
        options.entities = false
        let item = ExtractTestSupport.extract(["Kim Jong-un visited Pyongyang."], options: options)
        #expect(item.entities == nil)
    }
}
