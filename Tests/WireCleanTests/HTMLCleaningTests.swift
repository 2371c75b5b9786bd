import Testing
import WireModel
@testable import WireClean

@Suite struct HTMLCleaningTests {
    @Test func paragraphsAreKeptAndScriptsStylesDropped() {
        let html = """
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
            <p>Fares &amp; schedules were set &ldquo;today&rdquo;.</p><p>Line one<br>same paragraph<br><br>next paragraph.</p>
            """
        let cleaned = StoryCleaner(options: .none).clean(html: html)
        #expect(cleaned.paragraphs == ["Fares & schedules were set “today”.", "Line one same paragraph", "next paragraph."])
    }

    @Test func navigationAsideFooterAndFormsAreRecordedNotKept() {
        let html = """
            <nav><a>Home</a> › <a>World</a></nav><p>\(StoryFixture.lede)</p>
            <aside><p>Ferry timetable</p></aside><p>\(StoryFixture.middle)</p>
            <form><button>Go</button></form><footer><p>About us</p></footer>
            """
        let cleaned = StoryCleaner().clean(html: html)
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.furniture.map(\.kind) == ["navigation", "aside", "form", "footer"])
    }

    @Test func figureCaptionsBecomeCaptions() {
        let html = "<figure><img src=a.jpg><figcaption>A ferry at Mokpo. (Yonhap)</figcaption></figure><p>\(StoryFixture.lede)</p>"
        let cleaned = StoryCleaner().clean(html: html)
        #expect(cleaned.captions == [Caption(text: "A ferry at Mokpo.", credit: "Yonhap")])
        #expect(cleaned.paragraphs == [StoryFixture.lede])
    }

    @Test func textIsNFCAndWhiteSpaceIsFolded() {
        let cleaned = StoryCleaner().clean(text: "Cafe\u{0301}  owners\u{00A0}met\t in Mokpo\u{0007} on Monday to discuss the ferry plan with officials.")
        #expect(cleaned.body == "Café owners met in Mokpo on Monday to discuss the ferry plan with officials.")
    }

    @Test func theItemLosesContentHTMLUnlessKept() {
        var item = Item(source: ItemSource(type: "file", name: "t"), format: .html, receivedAt: "2024-01-01T00:00:00Z")
        item.contentHTML = "<h1>Mokpo opens ferry route</h1><p>\(StoryFixture.lede)</p>"
        var kept = item
        StoryCleaner().clean(&item)
        #expect(item.contentHTML == nil)
        #expect(item.body == StoryFixture.lede)
        #expect(item.headline == "Mokpo opens ferry route")
        #expect(item.headlineSource == "copy")
        StoryCleaner().clean(&kept, keepContentHTML: true)
        #expect(kept.contentHTML != nil)
    }

    @Test func aSiteNameTakenForTheHeadlineIsMovedToFurniture() {
        var item = Item(source: ItemSource(type: "file", name: "t"), format: .text, receivedAt: "2024-01-01T00:00:00Z")
        item.headline = "The Seoul Ledger"
        item.headlineSource = "copy"
        item.body = StoryFixture.copy(["Mokpo opens ferry route to islands", StoryFixture.lede])
        StoryCleaner().clean(&item)
        #expect(item.headline == "Mokpo opens ferry route to islands")
        #expect(item.furniture.map(\.kind) == ["site-name", "headline"])
        #expect(item.body == StoryFixture.lede)
    }
}
