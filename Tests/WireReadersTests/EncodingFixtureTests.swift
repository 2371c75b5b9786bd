import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Every charset in `Fixtures/encodings/` (made by `Scripts/make-encoding-fixtures.py` from the UTF-8
/// text in `stories.json`) through every reader: the decoded headline and body must be exactly the text
/// the fixture was made from.
@Suite struct EncodingFixtureTests {
    struct Story: Decodable, CustomTestStringConvertible, Sendable {
        var label: String
        var slug: String
        var headline: String
        var body: String
        var has_mark: Bool
        var testDescription: String { label }
    }

    struct Manifest: Decodable {
        var stories: [Story]
    }

    static let stories: [Story] = {
        guard let data = try? Data(contentsOf: Fixtures.url("encodings/stories.json")),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.stories
    }()

    static func read(_ name: String, charset: String? = nil) throws -> ReadResult {
        var context = Fixtures.context()
        context.declaredCharset = charset
        return try InputReader().read(try Fixtures.bytes("encodings/" + name), context: context)
    }

    @Test func manifestCoversTheRequiredCharsets() {
        let labels = Set(Self.stories.map(\.label))
        for required in ["EUC-KR", "Shift_JIS", "GB18030", "GB2312", "Big5", "KOI8-R", "ISO-8859-1", "ISO-8859-15",
                         "windows-1251", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"] {
            #expect(labels.contains(required), "no fixture for \(required)")
        }
        #expect(Self.stories.count >= 30)
    }

    @Test(arguments: stories) func feed(_ story: Story) throws {
        let result = try Self.read("rss-\(story.slug).xml")
        #expect(result.items.count == 1)
        #expect(result.items.first?.headline == story.headline)
        #expect(result.items.first?.summary == story.body)
        #expect(result.items.first?.guid == "enc-\(story.slug)")
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: stories) func nitf(_ story: Story) throws {
        let result = try Self.read("nitf-\(story.slug).xml")
        #expect(result.items.first?.format == .nitf)
        #expect(result.items.first?.headline == story.headline)
        #expect(result.items.first?.body == story.body)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: stories) func newsML(_ story: Story) throws {
        let result = try Self.read("newsml-\(story.slug).xml")
        #expect(result.items.first?.format == .newsml)
        #expect(result.items.first?.headline == story.headline)
        #expect(result.items.first?.body == story.body)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: stories) func htmlPage(_ story: Story) throws {
        let result = try Self.read("html-\(story.slug).html")
        #expect(result.items.first?.headline == story.headline)
        #expect(result.items.first?.contentHTML?.contains("<p>\(story.body)</p>") == true,
                "\(result.items.first?.contentHTML ?? "no content")")
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    /// Plain text has no declaration of its own: the transport's charset (or a byte-order mark) decides.
    @Test(arguments: stories) func plainText(_ story: Story) throws {
        let result = try Self.read("text-\(story.slug).txt", charset: story.has_mark ? nil : story.label)
        let item = try #require(result.items.first)
        let text = [item.headline, item.body].compactMap { $0 }.joined(separator: "\n\n")
        #expect(text == story.headline + "\n\n" + story.body)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    // Spot checks written out here, so that a wrong `stories.json` cannot hide a wrong decoder.
    @Test func spotChecks() throws {
        #expect(try Self.read("rss-shift-jis.xml").items.first?.headline == "札幌で記録的な大雪、鉄道が運休")
        #expect(try Self.read("rss-euc-kr.xml").items.first?.headline == "부산항 새 부두 개장")
        #expect(try Self.read("rss-koi8-r.xml").items.first?.headline == "В Калининграде открыли паромную линию")
        #expect(try Self.read("rss-gb18030.xml").items.first?.headline == "深圳地铁新线路试运行 \u{2000B}")
        #expect(try Self.read("rss-big5.xml").items.first?.headline == "高雄港擴建工程啟動")
        #expect(try Self.read("rss-iso-8859-15.xml").items.first?.headline == "Le prix du café passe à 3 € à Nantes")
        #expect(try Self.read("rss-utf-16be.xml").items.first?.headline == "Storm delays Tromsø cargo")
    }

    @Test func invalidByteInDeclaredCharsetIsReplacedAndReported() throws {
        let result = try Self.read("rss-shift-jis-invalid-byte.xml")
        // Only the bad byte is lost; the rest of the headline and the whole summary read correctly.
        #expect(result.items.first?.headline == "札幌で記録的な大雪、鉄道が\u{FFFD} 運休")
        #expect(result.items.first?.summary == "北海道札幌市では火曜日、一晩で六十センチの雪が積もり、在来線が終日運休した。")
        #expect(result.issues.map(\.reason) == ["encoding-fallback"])
    }

    @Test func utf8BytesUnderAWrongLabelAreReadAsUTF8() throws {
        let result = try Self.read("rss-euc-kr-declared-but-utf8.xml")
        #expect(result.items.first?.headline == "부산항 새 부두 개장")
        #expect(result.issues.map(\.reason) == ["encoding-mismatch"])
    }

    @Test func httpCharsetOutranksTheDeclaration() throws {
        let result = try Self.read("rss-koi8-r-declared-windows-1251.xml", charset: "\"KOI8-R\"")
        #expect(result.items.first?.headline == "В Калининграде открыли паромную линию")
        #expect(result.issues.map(\.reason) == ["encoding-mismatch"])
    }

    @Test func utf16WithoutAMarkIsRecognised() throws {
        let result = try Self.read("rss-utf-16-no-mark.xml")
        #expect(result.items.first?.headline == "Ice closes the Ålesund fairway")
        #expect(result.issues.isEmpty)
    }

    @Test func undeclaredLegacyBytesFallBackToWindows1252() throws {
        let result = try Self.read("rss-undeclared-windows-1252.xml")
        #expect(result.items.first?.headline == "“Harbour fees” rise — again")
        #expect(result.issues.map(\.reason) == ["encoding-fallback"])
    }

    @Test func unknownCharsetIsReportedAndTheBytesStillRead() throws {
        let result = try Self.read("rss-unknown-charset.xml")
        #expect(result.items.first?.headline == "Ice closes the Ålesund fairway")
        #expect(result.issues.map(\.reason) == ["unknown-charset"])
    }

    @Test func htmlHTTPEquivDeclarationIsRead() throws {
        // "Мир" in KOI8-R, declared the old way.
        let head = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><title>"
        let bytes = Array(head.utf8) + [0xED, 0xC9, 0xD2] + Array("</title></head><body><p>x</p></body></html>".utf8)
        let result = try InputReader().read(bytes, context: Fixtures.context())
        #expect(result.items.first?.headline == "Мир")
        #expect(result.issues.isEmpty)
    }

    @Test func xmlDeclarationIsRewrittenToUTF8() {
        let declared = Array("<?xml version='1.0' encoding='Shift_JIS'?><r/>".utf8)
        #expect(String(decoding: CharsetResolver.declaringUTF8(declared), as: UTF8.self)
            == "<?xml version='1.0' encoding='UTF-8'?><r/>")
        let already = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><r/>".utf8)
        #expect(CharsetResolver.declaringUTF8(already) == already)
    }

    @Test func c1ControlsAreMappedTheWindows1252Way() {
        #expect(Windows1252.repairC1("don\u{92}t") == "don’t")
        #expect(Windows1252.repairC1("\u{80}5 and \u{A0}é\u{9F}") == "€5 and \u{A0}éŸ")
        #expect(Windows1252.repairC1("caf\u{E9} \u{A0}") == "café \u{A0}")
    }

    @Test func asciiCheckSeesAHighByteAnywhere() {
        let ascii = Array(repeating: UInt8(ascii: "a"), count: 21)
        #expect(CharsetResolver.isASCII(ascii))
        #expect(CharsetResolver.isASCII([]))
        for position in [0, 7, 8, 15, 16, 20] {
            var bytes = ascii
            bytes[position] = 0xE9
            #expect(!CharsetResolver.isASCII(bytes), "high byte at \(position)")
        }
    }

    @Test func converterNamesAnUnknownCharset() {
        #expect(throws: CharsetConverter.UnknownCharset(label: "x-klingon")) {
            try CharsetConverter(label: "x-klingon")
        }
        #expect(CharsetConverter.iconvName(for: " 'GB2312' ") == "GB18030")
        #expect(CharsetConverter.iconvName(for: "ks_c_5601-1987") == "CP949")
        #expect(CharsetConverter.iconvName(for: "iso_8859-5:1988") == "ISO-8859-5")
        #expect(CharsetConverter.iconvName(for: "x-cp1250") == "CP1250")
    }

    @Test func converterReplacesATruncatedSequence() throws {
        let converter = try CharsetConverter(label: "EUC-KR")
        let converted = converter.convert([0xBA, 0xCE, 0xBB])
        #expect(String(decoding: converted.bytes, as: UTF8.self) == "부\u{FFFD}")
        #expect(converted.invalidSequences == 1)
    }
}
