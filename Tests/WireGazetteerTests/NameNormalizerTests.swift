import Testing
@testable import WireGazetteer

@Suite struct NameNormalizerTests {
    @Test func romanisationVariantsShareAKey() {
        #expect(NameNormalizer.key("Kim Jong-un") == "kim jong un")
        #expect(NameNormalizer.key("KIM JONG UN") == NameNormalizer.key("Kim Jong Un"))
        #expect(NameNormalizer.key("Choe Ryong-hae") == NameNormalizer.key("Choe Ryong Hae"))
    }

    @Test func titlesDiacriticsAndPossessivesGo() {
        #expect(NameNormalizer.key("Chinese President Xi Jinping") != "xi jinping") // "chinese" is no title
        #expect(NameNormalizer.key("President Xi Jinping") == "xi jinping")
        #expect(NameNormalizer.key("Rita Lourenço") == "rita lourenco")
        #expect(NameNormalizer.key("Portugal's") == "portugal")
        #expect(NameNormalizer.key("U.S.") == "us")
        #expect(NameNormalizer.strippingTitles("Foreign Minister Choe Son-hui") == "Choe Son-hui")
    }

    @Test func aLoneTitleIsKept() {
        #expect(NameNormalizer.key("President") == "president")
    }
}
