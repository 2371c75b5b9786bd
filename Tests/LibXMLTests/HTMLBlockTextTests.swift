import Testing
@testable import LibXML

@Suite struct HTMLBlockTextTests {
    @Test func blocksCarryTheirContainerAndSkipScripts() {
        let html = """
            <nav><a>Home</a></nav><script>var x = 1;</script><p>One &amp; two</p>
            <figure><figcaption>A ferry <b>docks</b></figcaption></figure><aside><p>Also</p></aside>
            <form><button>Go</button></form><footer>Bottom</footer><table><tr><td>a</td><td>b</td></tr></table>
            """
        let blocks = HTMLBlockText.blocks(fromHTML: html).filter { !$0.text.allSatisfy(\.isWhitespace) }
        #expect(blocks.map(\.text) == ["Home", "One & two", "A ferry docks", "Also", "Go", "Bottom", " a b"])
        #expect(blocks.map(\.container) == [.navigation, .body, .figureCaption, .aside, .form, .footer, .body])
    }

    @Test func lineBreaksStayInTheText() {
        let blocks = HTMLBlockText.blocks(fromHTML: "<p>one<br>two<br><br>three</p>")
        #expect(blocks.map(\.text) == ["one\ntwo\n\nthree"])
    }

    @Test func emptyInputHasNoBlocks() {
        #expect(HTMLBlockText.blocks(fromHTML: "").isEmpty)
    }
}
