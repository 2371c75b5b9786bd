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

    /// `HTMLText` reads parser events; the text must be what a walk of libxml2's tree for the same
    /// fragment gives (blocks as blank lines, `<br>` a newline, skipped elements gone), tag soup included.
    @Test(arguments: [
        "<p>One &amp; two</p><p>Three</p>",
        "Text before any tag<p>then a paragraph",
        "<div><p>nested <b>inline <i>deeper</i></b> tail</p>after</div><ul><li>a<li>b</ul>",
        "<p>unclosed <div>block inside a paragraph</p> stray close</div>",
        "<script>if (a < b) { x() }</script>visible<style>p { color: red }</style><noscript>js off</noscript>",
        "<head><title>Page title</title></head><body><h1>Head</h1>line<br>break<br/>twice<br><br>end</body>",
        "<br>leading break and <BR>upper-case tags <P>Para</P><DIV>Div</DIV>",
        "<table><tr><td>cell one</td><td>cell two</td></tr><tr><td>row two</td></tr></table>",
        "<!-- a comment --><p>after a comment</p><![CDATA[cdata text]]><?pi x?>",
        "<template><p>never shown</p></template><figure><img src=x><figcaption>Caption</figcaption></figure>",
        "caf&eacute; &#8220;quoted&#8221; &nbsp;&unknown; &#146; &lt;not a tag&gt;",
        "<pre>  keep\n  spaces\n</pre><blockquote>quote</blockquote><hr>rule",
        "</p>stray end<p><p><p>empty paragraphs</p></p></p>",
        "<html><body><p>whole page</p></body></html>trailing text",
        "   \n  \t ",
        "<p>Ünïcödé 新聞 🗞️</p>",
    ])
    func eventsGiveTheTreesText(html: String) {
        #expect(HTMLText.text(fromHTML: html) == Self.treeText(html))
    }

    /// The tree walk `HTMLText` used before it read events, over `HTMLDocumentTree`'s copy of the tree.
    private static func treeText(_ html: String) -> String {
        let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
        let blocks: Set<String> = [
            "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "figure",
            "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "hr", "address", "main", "nav",
        ]
        func walk(_ content: [MarkupNode.Content], into out: inout String) {
            for part in content {
                switch part {
                case .text(let text):
                    out += text
                case .element(let node):
                    let name = node.localName.lowercased()
                    if skipped.contains(name) { continue }
                    if name == "br" { out += "\n"; continue }
                    if blocks.contains(name) { out += "\n\n" }
                    walk(node.content, into: &out)
                    if blocks.contains(name) { out += "\n\n" }
                }
            }
        }
        var out = ""
        walk(HTMLDocumentTree.parse(html).document.content, into: &out)
        return out
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
