import Testing
import WireModel
@testable import WireReaders

/// Item caps that count exactly, entities nobody defined, and links inside HTML content.
@Suite struct FeedReaderSafetyTests {
    private func feed(items: Int) -> [UInt8] {
        var xml = "<rss><channel>"
        for index in 0..<items { xml += "<item><title>Item \(index)</title></item>" }
        return Array((xml + "</channel></rss>").utf8)
    }

    @Test func aFeedOfExactlyMaxItemsIsWhole() throws {
        let result = try FeedReader(maxItems: 10).read(feed(items: 10), context: Fixtures.context())
        #expect(result.items.count == 10)
        #expect(result.issues.isEmpty)
    }

    @Test func oneItemMoreThanMaxItemsIsReported() throws {
        let result = try FeedReader(maxItems: 10).read(feed(items: 11), context: Fixtures.context())
        #expect(result.items.count == 10)
        #expect(result.issues.map(\.reason) == ["too-many-items"])
    }

    @Test func aMessageOfExactlyMaxItemsIsWhole() throws {
        let bytes = try Fixtures.bytes("newsml/message-usable-and-kill.xml")
        let exact = try NewsMLG2Reader(maxItems: 2).read(bytes, context: Fixtures.context())
        #expect(exact.items.count == 2)
        #expect(!exact.issues.map(\.reason).contains("too-many-items"))
        let capped = try NewsMLG2Reader(maxItems: 1).read(bytes, context: Fixtures.context())
        #expect(capped.issues.map(\.reason).contains("too-many-items"))
    }

    @Test func undefinedEntitiesStayAsTextAndHTMLOnesDecode() throws {
        let xml = "<rss><channel><item><title>Tolls &foo; rise &hellip; again</title>"
            + "<description>Ferry&nbsp;fares &bogus.name; up &eacute;t&eacute;</description></item></channel></rss>"
        let result = try FeedReader().read(Array(xml.utf8), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.headline == "Tolls &foo; rise … again")
        // The normaliser turns the no-break space into a plain one; the point is that it is not lost.
        #expect(item.summary == "Ferry fares &bogus.name; up été")
        #expect(result.issues.isEmpty)
    }

    @Test func documentDeclaredEntitiesAreStillRefused() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY boom \"BOOM\">]>"
            + "<rss><channel><item><title>Quiet &boom; day</title></item></channel></rss>"
        let result = try FeedReader().read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.first?.headline == "Quiet day")
        #expect(result.issues.map(\.reason) == ["undefined-entity"])
    }

    @Test func linksInsideRSSContentResolveAndUnsafeOnesGo() throws {
        let result = try FeedReader().read(try Fixtures.bytes("feeds/rss-content-links.xml"), context: Fixtures.context())
        #expect(result.items.count == 2)
        let html = try #require(result.items.first?.contentHTML)
        let expected = """
            <p>The crane <a href="https://harbour.example/photos/crane?id=3&amp;size=l" title="Crane">fell</a> at dawn.</p>
            <img src="https://harbour.example/news/img/crane.jpg" srcset="https://harbour.example/news/img/crane-2x.jpg 2x, https://cdn.example/c.jpg 4x" alt="crane">
            <img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">
            <video poster="https://harbour.example/news/stills/v.jpg" src="https://harbour.example/news/clips/v.mp4"></video>
            <a class="x">bad</a> <a>worse</a>
            <iframe></iframe>
            <a href="https://harbour.example/news/#notes">notes</a> <a href="">empty</a> <a href="mailto:desk@harbour.example">mail</a>
            <script>if (a <b) { x = "<a href='rel'>" }</script><!-- <a href="in-comment"> --></p>
            """
        #expect(html == expected)
        #expect(result.items.last?.contentHTML
            == "<p><a href=\"https://archive.harbour.example/2025/story.html\">Read</a> "
            + "<img src=\"https://archive.harbour.example/logo.png\"></p>")
    }

    @Test func linksInsideAtomContentFollowXMLBase() throws {
        let result = try FeedReader().read(try Fixtures.bytes("feeds/atom-content-base.xml"), context: Fixtures.context())
        #expect(result.items.first?.contentHTML
            == "<p><a href=\"https://fjord.example/wire/timetables/march.pdf\">March</a> <a>x</a></p>")
        let xhtml = try #require(result.items.last?.contentHTML)
        #expect(xhtml.contains("<img src=\"https://fjord.example/wire/whale.jpg\""))
        #expect(xhtml.contains("<a>d</a>"))
        #expect(!xhtml.contains("data:"))
    }

    @Test func theDocumentURLIsTheLastResortBase() {
        let html = HTMLLinkRewriter.rewrite("<a href=\"b.html\">b</a><a href='//x.example/'>x</a>",
                                            base: "https://wire.example/a/index.xml")
        #expect(html == "<a href=\"https://wire.example/a/b.html\">b</a><a href=\"https://x.example/\">x</a>")
    }

    @Test func fragmentsWithNothingToChangeComeBackIdentical() {
        let html = "<p class=x>Plain <b>text</b> &amp; <a href=\"https://a.example/\">abs</a></p><br/><input disabled>"
        #expect(HTMLLinkRewriter.rewrite(html, base: "https://b.example/") == html)
        #expect(HTMLLinkRewriter.rewrite("<a href=", base: nil) == "<a href=")
        #expect(HTMLLinkRewriter.rewrite("<a href=\"unterminated", base: "https://b.example/")
            == "<a href=\"https://b.example/unterminated\"")
    }
}

@Suite struct BareAmpersandTests {
    private func escaped(_ text: String) -> String {
        FeedBytesPreparer.escapeBareAmpersands(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    @Test func bareAmpersandsOutsideCDATACommentsAndInstructionsAreEscaped() {
        #expect(escaped("<t>AT&T &amp; &#38; &x;</t>") == "<t>AT&amp;T &amp; &#38; &x;</t>")
        #expect(escaped("<![CDATA[a & b]]>&c") == "<![CDATA[a & b]]>&amp;c")
        #expect(escaped("<!-- & --><?pi & ?>& ") == "<!-- & --><?pi & ?>&amp; ")
        #expect(escaped("<![CDATA[ ] ]] & never closed") == "<![CDATA[ ] ]] & never closed")
        #expect(FeedBytesPreparer.escapeBareAmpersands(Array("<a>no ampersand</a>".utf8)) == nil)
    }

    /// The scan skips eight bytes at a time: an ampersand, bare or not, and a CDATA section must be
    /// found at every offset of text longer than a word.
    @Test func ampersandsAndSectionsAreFoundAtEveryOffset() {
        for offset in 0..<24 {
            let pad = String(repeating: "x", count: offset)
            #expect(escaped("<t>\(pad)AT&T and more text</t>") == "<t>\(pad)AT&amp;T and more text</t>")
            #expect(escaped("<t>\(pad)&amp; and more text</t>") == "<t>\(pad)&amp; and more text</t>")
            #expect(escaped("\(pad)<![CDATA[a & b]]>& plain text after") == "\(pad)<![CDATA[a & b]]>&amp; plain text after")
            #expect(escaped("\(pad)long text without any tag & then") == "\(pad)long text without any tag &amp; then")
        }
    }
}
