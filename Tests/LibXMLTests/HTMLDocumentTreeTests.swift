import Testing
import LibXML

@Suite struct HTMLDocumentTreeTests {
    @Test func pageBecomesATreeWithoutComments() throws {
        let parsed = HTMLDocumentTree.parse("<html><body><!-- c --><p class=\"lede\">A &amp; B<br>C</p></body></html>")
        #expect(!parsed.truncated)
        let paragraph = try #require(parsed.document.firstDescendant("p"))
        #expect(paragraph.attribute("class") == "lede")
        #expect(paragraph.text == "A & BC")
        #expect(parsed.document.firstDescendant("body")?.innerMarkup() == "<p class=\"lede\">A &amp; B<br/>C</p>")
    }

    @Test func elementAndDepthCapsTruncate() {
        let many = "<div>" + String(repeating: "<span>x</span>", count: 50) + "</div>"
        let capped = HTMLDocumentTree.parse(many, limits: .init(maxElements: 10))
        #expect(capped.truncated)
        #expect(capped.document.descendants("span").count < 10)
        let deep = String(repeating: "<div>", count: 40) + "deep" + String(repeating: "</div>", count: 40)
        let shallow = HTMLDocumentTree.parse(deep, limits: .init(maxDepth: 8))
        #expect(shallow.truncated)
        #expect(!shallow.document.text.contains("deep"))
    }

    @Test func emptyInputIsAnEmptyDocument() {
        let parsed = HTMLDocumentTree.parse("")
        #expect(parsed.document.content.isEmpty)
        #expect(!parsed.truncated)
    }
}
