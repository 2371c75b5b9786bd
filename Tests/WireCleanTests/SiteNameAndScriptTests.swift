import Testing
@testable import WireClean

@Suite struct SiteNameAndScriptTests {
    @Test(arguments: ["The Korea Herald", "Kansai Daily Post", "seoulledger.example.com"])
    func mastheadsAboveTheStoryAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([line, StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == ["site-name"])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
    }

    @Test func aKnownPublisherNameIsRemovedAnywhere() {
        let context = CopyContext(publisherNames: ["Mokpo Evening Bulletin"])
        let cleaned = StoryFixture.clean([StoryFixture.lede, "Mokpo Evening Bulletin", StoryFixture.middle], context: context)
        #expect(cleaned.kinds(of: "Mokpo Evening Bulletin") == ["site-name"])
    }

    @Test func aMastheadLikeLineInsideTheStoryStays() {
        let cleaned = StoryFixture.clean([StoryFixture.lede, "Harbor Daily News", StoryFixture.middle])
        #expect(cleaned.paragraphs.contains("Harbor Daily News"))
    }

    @Test(arguments: ["피터빈트", "많이 본 뉴스", "関連記事"])
    func shortLinesInAnotherScriptAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == ["stray-script"])
    }

    @Test func otherScriptsInsideProseStay() {
        let line = "The slogan \"우리민족끼리\" (By Our Nation Itself) was removed from the site, the ministry said."
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs.contains(line))
    }

    @Test func aStoryInKoreanKeepsItsKoreanLines() {
        let story = ["목포시는 다음 달 남부 섬으로 가는 여객선 항로를 연다고 월요일 밝혔다.", "하루 300명", "시 관계자는 운항 시간이 한 시간 줄어들 것이라고 말했다."]
        let cleaned = StoryFixture.clean(story)
        #expect(cleaned.paragraphs == story)
    }
}
