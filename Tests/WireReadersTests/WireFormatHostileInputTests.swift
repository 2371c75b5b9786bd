import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Hostile and damaged inputs across the wire formats: entities that must not expand or load, random
/// byte damage, and nesting deep enough to exhaust a recursive walk.
@Suite struct WireFormatHostileInputTests {
    @Test func fileEntitiesPointingAtAFixtureSecretDoNotLeak() throws {
        let secret = Fixtures.url("feeds/hostile/secret.txt")
        let marker = try String(contentsOf: secret, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let prolog = """
            <?xml version="1.0"?>
            <!DOCTYPE root SYSTEM "\(secret.absoluteString)" [
              <!ENTITY leak SYSTEM "\(secret.absoluteString)">
              <!ENTITY % pe SYSTEM "\(secret.absoluteString)">
              %pe;
            ]>
            """
        let nitf = prolog + "<nitf><body><body.head><hedline><hl1>A &leak; B</hl1></hedline></body.head>"
            + "<body.content><p>&leak;</p></body.content></body></nitf>"
        let g2 = prolog + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\">"
            + "<contentMeta><headline>A &leak; B</headline></contentMeta>"
            + "<contentSet><inlineData>&leak;</inlineData></contentSet></newsItem>"
        for (reader, xml) in [(NITFReader() as any Reader, nitf), (NewsMLG2Reader(), g2)] {
            let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
            let item = try #require(result.items.first)
            #expect(item.headline == "A B")
            #expect(item.body == nil)
            #expect(![item.headline, item.body].compactMap { $0 }.joined().contains(marker))
        }
    }

    @Test func quadraticBlowupInAG2ItemDoesNotExpand() throws {
        let entity = String(repeating: "y", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY big \"\(entity)\">]>"
            + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"q\"><contentMeta><headline>Q</headline>"
            + "<description>\(references)</description></contentMeta></newsItem>"
        let clock = ContinuousClock()
        var result = ReadResult(items: [])
        let elapsed = try clock.measure {
            result = try NewsMLG2Reader().read(Array(xml.utf8), context: Fixtures.context())
        }
        #expect(elapsed < .seconds(5))
        #expect(result.items.first?.headline == "Q")
        #expect((result.items.first?.summary ?? "").utf8.count < 10_000)
    }

    @Test(arguments: ["nitf/portvale-cranes-ns.xml", "newsml/message-usable-and-kill.xml",
                      "ninjs/v2-bodies-picture.json", "html/article-page.html"])
    func randomByteDamageNeverCrashes(path: String) throws {
        let original = try Fixtures.bytes(path)
        let whole = try InputReader().read(original, context: Fixtures.context()).items.count
        var generator = RobustnessTests.SeededGenerator(state: 20_250_307)
        for _ in 0..<200 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if let result = try? InputReader().read(bytes, context: Fixtures.context()) {
                #expect(result.items.count <= max(whole, 4))
            }
        }
    }

    @Test func deeplyNestedXMLIsFlattenedBelowTheDepthCap() throws {
        // libxml2's push parser does not limit depth itself: 200,000 levels must neither overflow the
        // stack (trees are walked and freed recursively) nor lose the text.
        let levels = 200_000
        let deep = String(repeating: "<x>", count: levels) + "Deep" + String(repeating: "</x>", count: levels)
        let g2 = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
            + "<newsItem guid=\"first\"><contentMeta><headline>Kept</headline></contentMeta></newsItem>"
            + "<newsItem guid=\"deep\"><contentMeta><headline>\(deep) water</headline></contentMeta></newsItem>"
            + "</newsMessage>"
        let result = try NewsMLG2Reader().read(Array(g2.utf8), context: Fixtures.context())
        #expect(result.items.map(\.guid) == ["first", "deep"])
        #expect(result.items.last?.headline == "Deep water")
        #expect(result.issues.map(\.reason) == ["item-too-large"])
    }

    @Test func deeplyNestedHTMLIsCutNotCrashed() throws {
        let deep = "<html><head><title>Deep page</title></head><body>" + String(repeating: "<div>", count: 50_000)
            + "<p>bottom</p>" + String(repeating: "</div>", count: 50_000) + "</body></html>"
        let result = try HTMLArticleReader().read(Array(deep.utf8), context: Fixtures.context())
        #expect(result.items.first?.headline == "Deep page")
        #expect(result.issues.map(\.reason) == ["item-too-large"])
    }
}
