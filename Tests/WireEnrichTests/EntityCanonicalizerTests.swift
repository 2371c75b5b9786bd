import Testing
import WireModel
@testable import WireEnrich

@Suite struct EntityCanonicalizerTests {
    let canonicalizer = EntityCanonicalizer()

    @Test func romanisationVariantsShareOneID() {
        let people = [
            Entity(name: "Choe Ryong-hae", mentions: ["Choe Ryong-hae"]),
            Entity(name: "Choe Ryong Hae", mentions: ["Choe Ryong Hae"]),
            Entity(name: "CHOE RYONG HAE", mentions: ["CHOE RYONG HAE"]),
        ]
        let result = canonicalizer.canonical(Entities(people: people)).people
        #expect(result.count == 1)
        #expect(result.first?.id == "person:choeryonghae")
        #expect(result.first?.name == "Choe Ryong-hae")
        #expect(result.first?.mentions == ["Choe Ryong-hae", "Choe Ryong Hae", "CHOE RYONG HAE"])
    }

    @Test func titlesAreStrippedAndSurnamesJoinTheFullName() {
        let people = [
            Entity(name: "President Xi Jinping", mentions: ["President Xi Jinping"]),
            Entity(name: "Zhao Leji", mentions: ["Zhao Leji"]),
            Entity(name: "Zhao", mentions: ["Zhao"]),
            Entity(name: "Xi", mentions: ["Xi"]),
        ]
        let result = canonicalizer.canonical(Entities(people: people)).people
        #expect(result.map(\.name) == ["Xi Jinping", "Zhao Leji"])
        #expect(result.map(\.id) == ["person:xijinping", "person:zhaoleji"])
        #expect(result.map(\.mentions) == [["President Xi Jinping", "Xi"], ["Zhao Leji", "Zhao"]])
    }

    @Test func strayPunctuationLeavesTheName() {
        let result = canonicalizer.canonical(Entities(people: [Entity(name: ". Lee Sung-jun", mentions: [". Lee Sung-jun"])]))
        #expect(result.people.first?.name == "Lee Sung-jun")
        #expect(result.people.first?.id == "person:leesungjun")
        #expect(EntityCanonicalizer.trimmed("...") == "")
    }

    @Test func aSurnameTwoPeopleShareStaysApart() {
        let people = [
            Entity(name: "Kim Jong Un", mentions: ["Kim Jong Un"]),
            Entity(name: "Kim Yo Jong", mentions: ["Kim Yo Jong"]),
            Entity(name: "Kim", mentions: ["Kim"]),
        ]
        #expect(canonicalizer.canonical(Entities(people: people)).people.count == 3)
    }

    @Test func acronymAndFullNameOfAKnownAgencyAreOne() {
        let organizations = [
            Entity(name: "KCNA", mentions: ["KCNA"]),
            Entity(name: "Korean Central News Agency", mentions: ["Korean Central News Agency"]),
        ]
        let result = canonicalizer.canonical(Entities(organizations: organizations)).organizations
        #expect(result.count == 1)
        #expect(result.first?.id == "org:korean-central-news-agency")
        #expect(result.first?.name == "Korean Central News Agency")
        #expect(result.first?.country == "KP")
        #expect(result.first?.mentions == ["KCNA", "Korean Central News Agency"])
    }

    @Test func unknownAcronymJoinsTheOrganisationWithItsInitials() {
        let organizations = [
            Entity(name: "Mekong Basin Water Council", mentions: ["Mekong Basin Water Council"]),
            Entity(name: "MBWC", mentions: ["MBWC"]),
        ]
        let result = canonicalizer.canonical(Entities(organizations: organizations)).organizations
        #expect(result.map(\.id) == ["org:mekong-basin-water-council"])
        #expect(result.first?.mentions == ["Mekong Basin Water Council", "MBWC"])
    }

    @Test func unknownNamesGetTheSameIDEverywhere() {
        let one = EntityCanonicalizer().canonical(Entities(people: [Entity(name: "Dr. Harada Kenji", mentions: ["Dr. Harada Kenji"])]))
        let other = EntityCanonicalizer().canonical(Entities(people: [Entity(name: "HARADA KENJI", mentions: ["HARADA KENJI"])]))
        #expect(one.people.first?.id == "person:haradakenji")
        #expect(other.people.first?.id == one.people.first?.id)
    }

    @Test func placesTakeGazetteerIDsAndCountryCodes() {
        let places = [
            Entity(name: "Pyongyang", mentions: ["Pyongyang"]),
            Entity(name: "DPRK", mentions: ["DPRK"]),
            Entity(name: "North Korea", mentions: ["North Korea"]),
            Entity(name: "Nampho Shipyard Quay", mentions: ["Nampho Shipyard Quay"]),
        ]
        let result = canonicalizer.canonical(Entities(places: places)).places
        #expect(result.map(\.id) == ["geonames:1871859", "iso3166:KP", "place:nampho-shipyard-quay"])
        #expect(result.map(\.country) == ["KP", "KP", nil])
        #expect(result[1].mentions == ["DPRK", "North Korea"])
    }
}
