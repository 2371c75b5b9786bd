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

    @Test func textIsReadAsUTF8WhateverThePageDeclares() {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Crème brûlée — “Seoul”</p></body></html>"
        #expect(HTMLBlockText.blocks(fromHTML: html).map(\.text) == ["Crème brûlée — “Seoul”"])
    }

    @Test func byteOrderMarkIsNotText() {
        #expect(HTMLBlockText.blocks(fromHTML: "\u{FEFF}<p>Hello</p>").map(\.text) == ["Hello"])
    }

    @Test func whiteSpaceBetweenElementsIsKeptAsParsed() {
        // The newline after <br> is a text run of its own: with the <br> it makes a blank line.
        let blocks = HTMLBlockText.blocks(fromHTML: "<p>one<br>\n<a href=\"#\">two</a> <b>three</b></p>")
        #expect(blocks.map(\.text) == ["one\n\ntwo three"])
    }

    @Test func skippedElementsHideEverythingInside() {
        let html = "<div>kept<noscript><p>hidden <b>deep</b></p></noscript> too</div><svg><text>drawn</text></svg><p>last</p>"
        #expect(HTMLBlockText.blocks(fromHTML: html).map(\.text) == ["kept too", "last"])
    }

    @Test func emptyInputHasNoBlocks() {
        #expect(HTMLBlockText.blocks(fromHTML: "").isEmpty)
    }
}
