import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Entity expansion and external-entity attacks: nothing may expand, load or leak, and every run must
/// finish fast with bounded output.
@Suite struct FeedReaderHostileInputTests {
    let reader = FeedReader()

    private func timed(_ bytes: [UInt8]) throws -> (ReadResult, Duration) {
        let clock = ContinuousClock()
        var result = ReadResult(items: [])
        let elapsed = try clock.measure {
            result = try reader.read(bytes, context: Fixtures.context())
        }
        return (result, elapsed)
    }

    private func allText(_ result: ReadResult) -> String {
        result.items.map { [$0.headline, $0.summary, $0.body, $0.contentHTML].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: " ")
    }

    @Test func billionLaughsDoesNotExpand() throws {
        let (result, elapsed) = try timed(try Fixtures.bytes("feeds/hostile/billion-laughs.xml"))
        #expect(elapsed < .seconds(2))
        #expect(result.items.count == 1)
        #expect(!allText(result).contains("haha"))
        #expect(allText(result).utf8.count < 1000)
        #expect(result.issues.map(\.reason).contains("undefined-entity"))
    }

    @Test func quadraticBlowupDoesNotExpand() throws {
        // One 50 KB entity referenced 20,000 times: about 1 GB if expanded, 150 KB as written.
        let entity = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(entity)\">]>"
            + "<rss><channel><item><title>Q</title><description>\(references)</description></item></channel></rss>"
        let (result, elapsed) = try timed(Array(xml.utf8))
        #expect(elapsed < .seconds(5))
        #expect(result.items.count == 1)
        #expect(allText(result).utf8.count < 10_000)
    }

    @Test func fileEntityIsNotRead() throws {
        let (result, elapsed) = try timed(try Fixtures.bytes("feeds/hostile/xxe-file.xml"))
        #expect(elapsed < .seconds(2))
        #expect(result.items.count == 1)
        #expect(!allText(result).contains("root:"))
        #expect(result.items.first?.headline == "Secret:")
    }

    @Test func fileEntityPointingAtAFixtureSecretDoesNotLeak() throws {
        let secret = Fixtures.url("feeds/hostile/secret.txt")
        let marker = try String(contentsOf: secret, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(marker.hasPrefix("WIREFEED-SECRET"))
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(secret.absoluteString)" [
              <!ENTITY leak SYSTEM "\(secret.absoluteString)">
              <!ENTITY % pe SYSTEM "\(secret.absoluteString)">
              %pe;
            ]>
            <rss version="2.0"><channel><title>t &leak;</title>
            <item><title>A &leak; B</title><description>&leak;</description><link>https://x.example.com/&leak;</link></item>
            </channel></rss>
            """
        let (result, _) = try timed(Array(xml.utf8))
        #expect(result.items.count == 1)
        #expect(!allText(result).contains(marker))
        let url = result.items.first?.url ?? ""
        let feedTitle = result.items.first?.feed?.title ?? ""
        #expect(!url.contains(marker))
        #expect(!feedTitle.contains(marker))
        #expect(result.items.first?.headline == "A B")
    }

    @Test func networkEntitiesAndExternalDTDAreNotFetched() throws {
        // Port 9 (discard) on loopback: a fetch attempt would fail or hang, never succeed; the run must
        // be quick and the entity empty.
        let (result, elapsed) = try timed(try Fixtures.bytes("feeds/hostile/xxe-network.xml"))
        #expect(elapsed < .seconds(2))
        #expect(result.items.first?.headline == "Remote text")
    }
}
