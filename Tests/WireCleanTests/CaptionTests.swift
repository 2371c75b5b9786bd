import Testing
import WireModel
@testable import WireClean

@Suite struct CaptionTests {
    static let caption = "Mayor Park Ji-won (C) cuts a ribbon at the new ferry terminal in Mokpo on Monday. (Yonhap)"

    @Test func aCaptionPrintedTwiceOnOneLineIsKeptOnceAsACaption() {
        let cleaned = StoryFixture.clean([Self.caption + " " + Self.caption, StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.captions == [Caption(text: "Mayor Park Ji-won (C) cuts a ribbon at the new ferry terminal in Mokpo on Monday.", credit: "Yonhap")])
        #expect(cleaned.furniture.map(\.kind) == ["caption", "duplicate-caption"])
    }

    @Test func aCaptionPrintedAsTwoParagraphsIsKeptOnce() {
        let cleaned = StoryFixture.clean([StoryFixture.lede, Self.caption, Self.caption, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.captions.count == 1)
    }

    @Test(arguments: [
        "A ferry docks at Mokpo port on March 3, 2024. (KCNA/Kyodo)",
        "This photo taken on March 3, 2024 shows a ferry at Mokpo port. (Xinhua/Li Wen)",
        "FILE - A ferry docks at Mokpo port, March 3, 2023. (AP Photo/Ahn Young-joon, File)",
        "A ferry docks at Mokpo port on Monday. (Yonhap)",
    ])
    func singleCaptionsInTheStoryAreMoved(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == ["caption"])
        #expect(cleaned.captions.count == 1)
    }

    @Test func theLastParagraphsAgencyIsASignOffNotACaption() {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.middle + " (Yonhap)"])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.captions.isEmpty)
        #expect(cleaned.kinds(of: "(Yonhap)") == ["sign-off"])
    }

    @Test func aStoryParagraphPrintedTwiceStaysOnce() {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.middle + " " + StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.kinds(of: StoryFixture.middle) == ["duplicate-paragraph"])
    }

    @Test(arguments: ["The alliance said it would send ships, according to the North Atlantic Treaty Organization (NATO).",
                      "The ministry's plan calls for three new routes (see table)",
                      "This photograph of the harbor in 1953 hangs in the city hall, where visitors can see how small the port once was."])
    func storyParagraphsWithParenthesesStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.captions.isEmpty)
    }
}
