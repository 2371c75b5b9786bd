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

    @Test func titleStrippingOnBytesIsTheCharacterStripping() {
        let names = [
            "President Xi Jinping", "President  Xi   Jinping", "the President", "The Minister Kim", "THE Minister Kim",
            "Dr. Anne-Marie d'Arcy", "DR. Anne", "Gen. Lt. Col. Park", "Prime Minister", "Minister", "the", "The the Kim",
            "Mr.Kim", "Mr Kim ", " Mr Kim", "Mr", "Foreign Minister Choe Son Hui", "Senator O'Neill", "Chinese President Xi",
            "Prof. Dr. Ana Ruiz", "Sir Tim", "vice President Ana", "Thee Kim", "tHe Kim", "Mr. Lucía Ferrer", "Dr. Éric Zoé",
            "Mr \u{301}Kim", "Ms. Ana\u{301} Ruiz", "", "Kim", "Pope",
        ]
        for name in names {
            #expect(NameNormalizer.strippingTitles(name) == NameNormalizer.characterStrippingTitles(name), "\(name)")
            var copy = name
            if let stripped = copy.withUTF8({ NameNormalizer.asciiStrippingTitles($0) }) {
                #expect((stripped ?? name) == NameNormalizer.characterStrippingTitles(name), "\(name)")
            } else {
                #expect(name.utf8.contains { $0 >= 0x80 }, "\(name)")
            }
        }
        #expect(NameNormalizer.strippingTitles("President Xi Jinping") == "Xi Jinping")
        #expect(NameNormalizer.strippingTitles("The Minister Kim") == "Kim")
    }

    @Test func aLoneTitleIsKept() {
        #expect(NameNormalizer.key("President") == "president")
    }

    /// The byte table for Latin-1 letters must fold each one exactly as Foundation's folding does, at
    /// the start, inside and at the end of a word, in either case; letters it does not list (Ø, …) are
    /// left to Foundation.
    @Test func latin1FastFoldingAgreesWithFoundation() {
        for value in UInt32(0xC0)...UInt32(0xFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let letter = String(Character(scalar))
            for name in [letter + "ster", "Ma" + letter + "a", "Al " + letter, "B" + letter + "'s Bay"] {
                guard let fast = NameNormalizer.latin1Folded(name) else { continue }
                #expect(fast.lowercased() == NameNormalizer.fold(name), "\(name)")
            }
        }
        #expect(NameNormalizer.literalKey("São Tomé") == "sao tome")
        #expect(NameNormalizer.latin1Folded("Søren") == nil)
    }
}
