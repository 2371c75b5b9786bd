import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct InputReaderTests {
    let reader = InputReader()

    private func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try reader.read(bytes, context: Fixtures.context())
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func emptyInputIsUnreadable() {
        #expect(reason([]) == "empty")
        #expect(reason([0xEF, 0xBB, 0xBF, 0x20, 0x0A]) == "empty")
    }

    @Test func binaryJunkIsUnreadable() {
        #expect(reason([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]) == "binary")
        #expect(reason(Array("abc".utf8) + [0x00, 0x01, 0x02] + Array("def".utf8)) == "binary")
        var noise: [UInt8] = []
        for index in 0..<512 { noise.append(UInt8((index * 37) % 32)) }
        #expect(reason(noise) == "binary")
    }

    @Test func xmlWithAnUnknownRootIsUnknownFormat() throws {
        #expect(reason(try Fixtures.bytes("feeds/not-a-feed.xml")) == "unknown-format")
    }

    @Test func aFormatWithoutAReaderIsUnsupportedNotMisread() {
        let feedsOnly = InputReader(readers: [.rss: FeedReader()])
        do {
            _ = try feedsOnly.read(Array("<?xml version=\"1.0\"?><nitf><head/></nitf>".utf8), context: Fixtures.context())
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "unsupported-format")
        }
    }

    @Test(arguments: [
        ("nitf/portvale-cranes-ns.xml", InputFormat.nitf, 1),
        ("nitf/ferry-no-namespace.xml", .nitf, 1),
        ("newsml/message-usable-and-kill.xml", .newsml, 2),
        ("newsml/xhtml-body.xml", .newsml, 1),
        ("newsml/latin1-declared.xml", .newsml, 1),
        ("ninjs/v1-single.json", .ninjs, 1),
        ("ninjs/v2-bodies-picture.json", .ninjs, 1),
        ("ninjs/v3-camel-case.json", .ninjs, 1),
        ("html/article-page.html", .html, 1),
    ])
    func wireFormatsAreSniffedAndReadByDefault(path: String, format: InputFormat, count: Int) throws {
        let bytes = try Fixtures.bytes(path)
        #expect(FormatSniffer().sniff(bytes) == .format(format))
        let result = try reader.read(bytes, context: Fixtures.context())
        #expect(result.items.count == count)
        #expect(result.items.allSatisfy { $0.format == format })
    }

    @Test(arguments: [
        ("feeds/rss2-harbour-desk.xml", InputFormat.rss),
        ("feeds/rss091-minimal.xml", .rss),
        ("feeds/rdf-river-news.xml", .rdf),
        ("feeds/atom-northern-bureau.xml", .atom),
        ("feeds/rss-utf16le-bom.xml", .rss),
        ("feeds/hostile/billion-laughs.xml", .rss),
        ("text/harbour-strike.txt", .text),
        ("text/utf16le-ferry.txt", .text),
        ("text/crlf-airline.txt", .text),
    ])
    func sniffsFormatFromContent(path: String, expected: InputFormat) throws {
        #expect(FormatSniffer().sniff(try Fixtures.bytes(path)) == .format(expected))
    }

    @Test func dispatchesByContentNotByName() throws {
        // A feed and a text story, each read through the one entry point.
        let feed = try reader.read(try Fixtures.bytes("feeds/rdf-river-news.xml"), context: Fixtures.context())
        #expect(feed.items.first?.format == .rdf)
        let story = try reader.read(try Fixtures.bytes("text/harbour-strike.txt"), context: Fixtures.context())
        #expect(story.items.first?.format == .text)
    }

    @Test func leadingWhitespaceAndBOMBeforeTheXMLDeclaration() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\n  <?xml version=\"1.0\"?><rss><channel><item><title>T</title></item></channel></rss>".utf8)
        #expect(FormatSniffer().sniff(bytes) == .format(.rss))
        let result = try reader.read(bytes, context: Fixtures.context())
        #expect(result.items.map(\.headline) == ["T"])
    }

    @Test func utf16WithoutByteOrderMarkIsSniffedAsXML() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>".utf16)
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatSniffer().sniff(bytes) == .format(.atom))
    }

    @Test func oversizedInputIsRefusedWhole() {
        var small = InputReader()
        small.maxInputBytes = 16
        #expect(throws: UnreadableInput(reason: "too-large", detail: "17 bytes; the limit is 16")) {
            _ = try small.read(Array("Seventeen bytes!!".utf8), context: Fixtures.context())
        }
    }

    @Test func readersAreSafeToRunConcurrently() async throws {
        let feed = try Fixtures.bytes("feeds/rss2-harbour-desk.xml")
        let atom = try Fixtures.bytes("feeds/atom-northern-bureau.xml")
        let expectedFeed = try reader.read(feed, context: Fixtures.context()).items
        let expectedAtom = try reader.read(atom, context: Fixtures.context()).items
        let reader = self.reader
        let matches = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let bytes = index % 2 == 0 ? feed : atom
                    let items = (try? reader.read(bytes, context: Fixtures.context()).items) ?? []
                    return items == (index % 2 == 0 ? expectedFeed : expectedAtom)
                }
            }
            var all: [Bool] = []
            for await match in group { all.append(match) }
            return all
        }
        #expect(matches.count == 32)
        #expect(matches.allSatisfy { $0 })
    }

    @Test func storyStartingWithAngleBracketsIsText() throws {
        let bytes = Array("<<< URGENT >>>\n\nPower is out across the northern districts.".utf8)
        #expect(FormatSniffer().sniff(bytes) == .format(.text))
        let item = try #require(try reader.read(bytes, context: Fixtures.context()).items.first)
        #expect(item.headline == nil)
        #expect(item.body == "<<< URGENT >>>\n\nPower is out across the northern districts.")
    }

    @Test func commentOnlyDocumentHasNoRoot() {
        #expect(reason(Array("<!-- nothing here -->\n".utf8)) == "unknown-format")
    }

    @Test func htmlDoctypeBeforeAFeedRootIsTheFeed() {
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">\n<rss><channel/></rss>"
        #expect(FormatSniffer().sniff(Array(feed.utf8)) == .format(.rss))
        #expect(FormatSniffer().sniff(Array("<!DOCTYPE html>\n<!-- c --><section>x</section>".utf8)) == .format(.html))
        #expect(FormatSniffer().sniff(Array("<!doctype html>Hello".utf8)) == .format(.html))
    }
}
