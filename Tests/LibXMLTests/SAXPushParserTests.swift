import Testing
@testable import LibXML

/// Records events as strings so that tests can compare whole sequences.
final class EventRecorder: SAXEventHandler {
    var events: [String] = []
    var errors: [XMLParseError] = []
    var stopAfterElements: Int?
    weak var parser: SAXPushParser?
    private var started = 0

    func startElement(_ element: XMLElementName, attributes: [XMLAttribute]) {
        let attrs = attributes.map { "\($0.name.namespaceURI.map { "{\($0)}" } ?? "")\($0.name.localName)=\($0.value)" }
        events.append("start {\(element.namespaceURI ?? "")}\(element.localName)" + (attrs.isEmpty ? "" : " " + attrs.joined(separator: " ")))
        started += 1
        if let limit = stopAfterElements, started >= limit { parser?.stop() }
    }

    func endElement(_ element: XMLElementName) {
        events.append("end \(element.localName)")
    }

    func text(_ text: String) {
        events.append("text \(text)")
    }

    func parseError(_ error: XMLParseError) {
        errors.append(error)
    }
}

@Suite struct SAXPushParserTests {
    private func parse(_ xml: String, limits: SAXPushParser.Limits = .init(), chunk: Int? = nil) -> EventRecorder {
        let recorder = EventRecorder()
        let parser = SAXPushParser(handler: recorder, limits: limits)
        recorder.parser = parser
        let bytes = Array(xml.utf8)
        if let chunk {
            var start = 0
            while start < bytes.count {
                let end = min(start + chunk, bytes.count)
                parser.feed(bytes[start..<end])
                start = end
            }
            parser.finish()
        } else {
            parser.parse(bytes)
        }
        return recorder
    }

    @Test func eventsCarryNamespacesAndAttributes() {
        let recorder = parse("""
            <a:root xmlns:a="urn:a" xml:base="http://x.example/"><a:child k="v &amp; w">hi</a:child></a:root>
            """)
        #expect(recorder.events == [
            "start {urn:a}root {http://www.w3.org/XML/1998/namespace}base=http://x.example/",
            "start {urn:a}child k=v & w",
            "text hi",
            "end child",
            "end root",
        ])
        #expect(recorder.errors.isEmpty)
    }

    @Test func textIsCoalescedAcrossChunksAndCDATA() {
        let xml = "<r><t>one <![CDATA[<two>]]> three &amp; four é</t></r>"
        let whole = parse(xml)
        let byteByByte = parse(xml, chunk: 1)
        #expect(whole.events.contains("text one <two> three & four é"))
        #expect(byteByByte.events == whole.events)
    }

    @Test func malformedDocumentReportsTheLine() {
        let recorder = parse("<r>\n<a>ok</a>\n<b>broken</c>\n</r>")
        let error = recorder.errors.first
        #expect(error?.line == 3)
        #expect(error?.code == 76)  // XML_ERR_TAG_NAME_MISMATCH
        #expect(recorder.events.contains("text ok"))
    }

    @Test func htmlNamedEntitiesResolveAndDeclaredOnesDoNot() {
        let recorder = parse("<!DOCTYPE r [<!ENTITY mine \"EXPANDED\">]><r>a&nbsp;b&eacute;&mine;c</r>")
        #expect(recorder.events.contains("text a\u{A0}bé" + "c"))
        #expect(!recorder.events.joined().contains("EXPANDED"))
        #expect(recorder.errors.contains(where: { $0.code == 26 || $0.code == 27 }))
    }

    @Test func undeclaredNamesStayAsLiteralText() {
        let recorder = parse("<r>a&foo;b&nbsp;&foo;</r>")
        #expect(recorder.events.contains("text a&foo;b\u{A0}&foo;"))
        #expect(recorder.errors.isEmpty)
    }

    @Test func textCapTruncatesAndReportsOnce() {
        let recorder = parse("<r>" + String(repeating: "x", count: 5000) + "</r>", limits: .init(maxTextBytes: 100))
        #expect(recorder.events.contains("text " + String(repeating: "x", count: 100)))
        #expect(recorder.errors.filter { $0.limit == "text-truncated" }.count == 1)
    }

    @Test func textBudgetStopsTheParse() {
        let recorder = parse("<r><a>" + String(repeating: "y", count: 500) + "</a><b/></r>",
                             limits: .init(textAmplification: 0, textFloorBytes: 100))
        #expect(recorder.errors.contains(where: { $0.limit == "text-budget" && $0.isFatal }))
        #expect(!recorder.events.contains("start {}b"))
    }

    @Test func wallTimeLimitStopsTheParseBetweenChunks() {
        let recorder = EventRecorder()
        let parser = SAXPushParser(handler: recorder, limits: .init(maxParseTime: .milliseconds(20)))
        recorder.parser = parser
        parser.feed(Array("<r><a>first</a>".utf8)[...])
        // A slow producer (or a starved parse): the next chunk arrives after the document's time is up.
        let deadline = ContinuousClock.now + .milliseconds(40)
        while ContinuousClock.now < deadline {}
        parser.feed(Array("<b>late</b></r>".utf8)[...])
        parser.finish()
        #expect(recorder.errors.contains(where: { $0.limit == "time-limit" && $0.isFatal }))
        #expect(recorder.events.contains("start {}a"))
        #expect(!recorder.events.contains("start {}b"))
    }

    @Test func stopFromAHandlerEndsTheDocument() {
        let recorder = EventRecorder()
        recorder.stopAfterElements = 2
        let parser = SAXPushParser(handler: recorder)
        recorder.parser = parser
        parser.parse(Array("<r><a/><b/><c/></r>".utf8))
        #expect(!recorder.events.contains("start {}b"))
        #expect(!recorder.events.contains("start {}c"))
    }

    @Test func errorsBeyondTheCapAreCountedNotDelivered() {
        // References to a document-declared entity are refused one error each (undeclared names would
        // be kept as text instead).
        let body = String(repeating: "&declared;", count: 500)
        let recorder = EventRecorder()
        let parser = SAXPushParser(handler: recorder, limits: .init(maxErrors: 10))
        parser.parse(Array("<!DOCTYPE r [<!ENTITY declared \"x\">]><r>\(body)</r>".utf8))
        #expect(recorder.errors.count == 10)
        #expect(parser.errorCount > 10)
    }

    @Test func emptyInputReportsAnError() {
        let recorder = parse("")
        #expect(recorder.events.isEmpty)
        #expect(!recorder.errors.isEmpty)
    }
}

@Suite struct AttributeReferenceTests {
    @Test(arguments: [
        ("a?x=1&#38;y=2", "a?x=1&y=2"),
        ("&#38;lt;", "&lt;"),
        ("caf&eacute;&#x21;&#33;", "café!!"),
        ("&unknown; & alone", "&unknown; & alone"),
        ("plain", "plain"),
    ])
    func decodes(raw: String, expected: String) {
        #expect(SAXPushParser.decodeReferences(raw) == expected)
    }

    @Test func ampersandInAnAttributeArrivesDecoded() {
        let recorder = EventRecorder()
        SAXPushParser(handler: recorder).parse(Array("<r u=\"https://x.example/?a=1&amp;b=2&amp;c=&lt;\"/>".utf8))
        #expect(recorder.events.first == "start {}r u=https://x.example/?a=1&b=2&c=<")
    }
}
