import Testing
import LibXML

@Suite struct MarkupNodeTests {
    let tree = MarkupNode(name: XMLElementName(localName: "root"), content: [
        .element(MarkupNode(name: XMLElementName(localName: "a", prefix: "x", namespaceURI: "urn:x"),
                            attributes: [XMLAttribute(name: XMLElementName(localName: "href"), value: "1\"2"),
                                         XMLAttribute(name: XMLElementName(localName: "onclick"), value: "bad()")],
                            content: [.text("<one>")])),
        .text(" & "),
        .element(MarkupNode(name: XMLElementName(localName: "script"), content: [.text("alert(1)")])),
        .element(MarkupNode(name: XMLElementName(localName: "b"), content: [
            .element(MarkupNode(name: XMLElementName(localName: "a"), content: [.text("two")])),
        ])),
    ])

    @Test func lookupsFollowDocumentOrder() {
        #expect(tree.child("a")?.text == "<one>")
        #expect(tree.children("a").count == 1)
        #expect(tree.descendants("a").map(\.text) == ["<one>", "two"])
        #expect(tree.firstDescendant("b")?.child("a")?.text == "two")
        #expect(tree.text == "<one> & alert(1)two")
        #expect(tree.child("a")?.attribute("href") == "1\"2")
        #expect(tree.child("missing") == nil)
    }

    @Test func innerMarkupEscapesSkipsAndRewrites() {
        let markup = tree.innerMarkup(skipping: ["script"]) { _, attribute in
            attribute.name.localName.hasPrefix("on") ? nil : attribute.value
        }
        #expect(markup == "<x:a href=\"1&quot;2\">&lt;one&gt;</x:a> &amp; <b><a>two</a></b>")
    }
}
