import Testing
import LibXML

@Suite struct HTMLTextTests {
    @Test func blocksBecomeBlankLinesAndScriptsVanish() {
        let text = HTMLText.text(fromHTML: "<p>One &amp; <b>two</b></p><script>alert(1)</script><p>Three&nbsp;four<br>five</p>")
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters() }
            .filter { !$0.isEmpty }
        #expect(paragraphs == ["One & two", "Three\u{A0}four\nfive"])
        #expect(!text.contains("alert"))
    }

    @Test func unclosedTagsRecover() {
        #expect(HTMLText.text(fromHTML: "<div>Caf&eacute; <i>open").contains("Café open"))
    }

    @Test func emptyInput() {
        #expect(HTMLText.text(fromHTML: "") == "")
    }
}

@Suite struct URIResolverTests {
    @Test(arguments: [
        ("story.html", "https://a.example/news/", "https://a.example/news/story.html"),
        ("/top", "https://a.example/news/x", "https://a.example/top"),
        ("https://b.example/x", "https://a.example/", "https://b.example/x"),
        ("../up", "https://a.example/a/b/", "https://a.example/a/up"),
    ])
    func resolves(reference: String, base: String, expected: String) {
        #expect(URIResolver.resolve(reference, against: base) == expected)
    }

    @Test func noBaseLeavesTheReference() {
        #expect(URIResolver.resolve("story.html", against: nil) == "story.html")
    }
}

extension Substring {
    /// Foundation-free trim, so this target needs nothing but LibXML.
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars.drop(while: { $0.properties.isWhitespace && $0 != "\u{A0}" })
        var text = String(String.UnicodeScalarView(scalars))
        while let last = text.unicodeScalars.last, last.properties.isWhitespace, last != "\u{A0}" {
            text.unicodeScalars.removeLast()
        }
        return text
    }
}
