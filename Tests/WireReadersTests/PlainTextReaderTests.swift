import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct PlainTextReaderTests {
    let reader = PlainTextReader()

    @Test func headlineAndParagraphsFromAStory() throws {
        let result = try reader.read(try Fixtures.bytes("text/harbour-strike.txt"), context: Fixtures.context())
        #expect(result.items.count == 1)
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(item.format == .text)
        #expect(item.id.isEmpty)
        #expect(item.receivedAt == "2025-03-04T12:00:00Z")
        #expect(item.source.name == "fixtures")
        #expect(item.headline == "Dockworkers in Port Halvard vote to end nine-day strike")
        #expect(item.headlineSource == "copy")
        let paragraphs = try #require(item.body).components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        // Lines inside a paragraph are joined; the dateline and the credits stay for later stages.
        #expect(paragraphs[0].hasPrefix("PORT HALVARD, March 3 (Wirefeed Test Agency) – Dockworkers at the port of Halvard voted"))
        #expect(paragraphs[1] == "“We did not get everything we asked for, but we got the night-shift premium back,” said Ingrid Solberg, who chairs the dockers’ local.")
        #expect(paragraphs[3] == "Reporting by Tomas Lind; Editing by Mara Quist")
    }

    @Test func noHeadlineIsInventedWhenTheCopyStartsWithASentence() throws {
        let result = try reader.read(try Fixtures.bytes("text/lede-first.txt"), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.headline == nil)
        #expect(item.headlineSource == nil)
        // Nothing is dropped: the first sentence is still the start of the body.
        #expect(item.body?.hasPrefix("The city council of Oster Vik approved a new tram line on Tuesday, ending a debate") == true)
        #expect(item.body?.components(separatedBy: "\n\n").count == 2)
    }

    @Test func windows1252FallbackKeepsEveryCharacterAndSaysSo() throws {
        let result = try reader.read(try Fixtures.bytes("text/cp1252-cafe.txt"), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.headline == "Café owners protest new terrace tax")
        #expect(item.body == "LINDAU, May 9 — Owners of the town’s cafés said on Friday the “terrace tax” of €50 a table would close some of them.")
        #expect(result.issues.map(\.reason) == ["encoding-fallback"])
    }

    @Test func utf16WithByteOrderMark() throws {
        let result = try reader.read(try Fixtures.bytes("text/utf16le-ferry.txt"), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.headline == "Ferry service to Skarholm resumes")
        #expect(item.body == "The ferry to Skarholm ran again on Monday after ice closed the strait for two weeks.")
        #expect(result.issues.isEmpty)
    }

    @Test func crlfLineBreaksAndUTF8ByteOrderMark() throws {
        let result = try reader.read(try Fixtures.bytes("text/crlf-airline.txt"), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.headline == "Regional airline adds winter route")
        #expect(item.body == "Nordlys Air will fly twice a week between Tromsvik and Kalmarby from December.\n\nTickets go on sale on Monday.")
    }

    @Test func whitespaceOnlyIsUnreadable() {
        #expect(throws: UnreadableInput.self) {
            _ = try reader.read(Array(" \n\t\r\n".utf8), context: Fixtures.context())
        }
    }

    @Test(arguments: [
        ("Storm closes three ferry routes", true),
        ("The storm closed three ferry routes on Monday.", false),
        ("By Jane Example", false),
        ("URGENT", false),
        ("Quake hits Taipei?", true),
        ("SEOUL, April 13 (Yonhap) -- North Korea said", false),
        (String(repeating: "word ", count: 40), false),
    ])
    func headlineHeuristic(line: String, expected: Bool) {
        #expect(PlainTextReader.looksLikeHeadline(line, nextLine: nil) == expected)
    }

    @Test func controlCharactersAreDroppedAndTextIsNFC() throws {
        // "e" + combining acute must come out precomposed; a BEL must disappear.
        let bytes = Array("Cafe\u{301} opens\n\nA ca\u{7}fe\u{301} opened.".utf8)
        let item = try #require(try reader.read(bytes, context: Fixtures.context()).items.first)
        #expect(item.headline == "Café opens")
        #expect(item.body == "A café opened.")
    }

    @Test func utf32BigEndianWithByteOrderMark() throws {
        let story = "Bridge reopens after repairs\n\nTraffic is moving again."
        var bytes: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for scalar in story.unicodeScalars {
            let v = scalar.value
            bytes += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        #expect(FormatSniffer().sniff(bytes) == .format(.text))
        let result = try InputReader().read(bytes, context: Fixtures.context())
        #expect(result.items.first?.headline == "Bridge reopens after repairs")
        #expect(result.items.first?.body == "Traffic is moving again.")
        #expect(result.issues.isEmpty)
    }

    @Test func declaredLatin1IsNotReportedAsAFallback() throws {
        let context = ReadContext(source: ItemSource(type: "inbox", name: "wires"), receivedAt: "2025-03-04T12:00:00Z",
                                  declaredCharset: "ISO-8859-1")
        let result = try reader.read(try Fixtures.bytes("text/cp1252-cafe.txt"), context: context)
        #expect(result.items.first?.headline == "Café owners protest new terrace tax")
        #expect(result.issues.isEmpty)
    }
}
