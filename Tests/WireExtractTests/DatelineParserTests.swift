import Testing
@testable import WireExtract

@Suite struct DatelineParserTests {
    @Test(arguments: [
        ("SEOUL, Oct. 9 (Yonhap) -- The talks", "SEOUL", 10, 9, "Yonhap"),
        ("BEIJING, Jan. 3 (Xinhua) -- A new", "BEIJING", 1, 3, "Xinhua"),
        ("Port Vale, March 12 (PTI) The council", "Port Vale", 3, 12, "PTI"),
    ])
    func datedDatelines(_ text: String, _ place: String, _ month: Int, _ day: Int, _ agency: String) throws {
        let parsed = try #require(DatelineParser.parse(text))
        #expect(parsed.place == place)
        #expect(parsed.month == month)
        #expect(parsed.day == day)
        #expect(parsed.agency == agency)
    }

    @Test func undatedDatelinesKeepTheirPlace() throws {
        let ap = try #require(DatelineParser.parse("WASHINGTON (AP) — Lawmakers met"))
        #expect(ap.place == "WASHINGTON")
        #expect(ap.month == nil)
        #expect(ap.agency == "AP")
        let region = try #require(DatelineParser.parse("KELDMOOR, Norway (AP) — Crews worked"))
        #expect(region.place == "KELDMOOR, Norway")
        let kyodo = try #require(DatelineParser.parse("TOKYO (Kyodo) - The yen fell"))
        #expect(kyodo.agency == "Kyodo")
        let bare = try #require(DatelineParser.parse("OSLO - The fjord ferry"))
        #expect(bare.place == "OSLO")
        #expect(bare.agency == nil)
        #expect("OSLO - ".utf8.count == bare.length)
    }

    @Test func sentencesAreNoDatelines() {
        #expect(DatelineParser.parse("The council met on Monday (local time) to vote.") == nil)
        #expect(DatelineParser.parse("Officials said the plan (first floated in May) would pass.") == nil)
        #expect(DatelineParser.parse("lower-case start (AP) — nothing") == nil)
        #expect(DatelineParser.parse("") == nil)
    }
}
