import CLibXML2

/// What `HTMLEventReader` hands on, in document order: the events libxml2's tree builder would have
/// turned into nodes.
protocol HTMLEventSink: AnyObject {
    /// An element opens; `name` is lower-cased, as the HTML parser gives it.
    func startElement(_ name: UnsafePointer<xmlChar>)
    /// The element `name` closes (libxml2 closes every element it opened, implied or not).
    func endElement(_ name: UnsafePointer<xmlChar>)
    /// Text inside the innermost open element, entities decoded.
    func text(_ bytes: UnsafePointer<xmlChar>, count: Int)
}

/// libxml2's HTML parser with the project's options (the same as `HTMLDocumentReader`: recover, no
/// network, quiet, UTF-8 whatever the page's `<meta charset>` says), but driving SAX callbacks
/// instead of building a tree: for a reader that walks the page once and keeps nothing of its
/// structure, the tree's allocation, walk and free cost more than half as much again as the parse.
///
/// The events are those the tree is built from: with blanks kept (libxml2's default) every text run,
/// white space included, goes to `characters`, so the text under each element is what the tree's
/// text nodes would hold. Text outside any element is dropped, as the tree builder drops it.
enum HTMLEventReader {
    /// Parses `html` into `sink`; false for empty input or when libxml2 cannot create a parser.
    static func parse(_ html: String, into sink: any HTMLEventSink) -> Bool {
        var copy = html
        return copy.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            LibXML.initialize()
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                parse(chars, count: Int32(clamping: bytes.count), into: sink)
            }
        }
    }

    private static func parse(_ chars: UnsafePointer<CChar>, count: Int32, into sink: any HTMLEventSink) -> Bool {
        guard let ctxt = htmlCreateMemoryParserCtxt(chars, count) else { return false }
        let state = State(sink)
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            ctxt.pointee._private = nil
            htmlFreeParserCtxt(ctxt)
        }
        ctxt.pointee.sax.pointee = makeHandler()
        // State travels through `_private`: libxml2 passes the parser context as the callbacks' argument.
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        // The bytes are a Swift string's, so UTF-8 whatever a `<meta charset>` claims: IGNORE_ENC keeps
        // libxml2 from switching on such a hint, and declaring UTF-8 without installing a converter
        // lets it read the buffer as it is instead of copying it through a UTF-8 → UTF-8 converter.
        let options = HTMLDocumentReader.parserOptions | HTML_PARSE_IGNORE_ENC.rawValue
        htmlCtxtUseOptions(ctxt, Int32(bitPattern: options))
        // UTF-8 declared without a converter (a byte-order mark is skipped, as the converter does).
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
        htmlParseDocument(ctxt)
        return true
    }

    /// The sink and the open-element depth (text outside any element is dropped).
    private final class State {
        let sink: any HTMLEventSink
        var depth = 0

        init(_ sink: any HTMLEventSink) {
            self.sink = sink
        }
    }

    private static func state(_ ctx: UnsafeMutableRawPointer?) -> State? {
        guard let ctx, let state = ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<State>.fromOpaque(state).takeUnretainedValue()
    }

    /// Element and text callbacks only: no document, no DTD node, no comments; errors and warnings
    /// go nowhere (a nil handler is how libxml2 is told to keep quiet).
    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.startElement = { ctx, name, _ in
            guard let state = HTMLEventReader.state(ctx), let name else { return }
            state.depth += 1
            state.sink.startElement(name)
        }
        sax.endElement = { ctx, name in
            guard let state = HTMLEventReader.state(ctx), let name else { return }
            state.depth -= 1
            state.sink.endElement(name)
        }
        sax.characters = { ctx, bytes, count in
            guard let state = HTMLEventReader.state(ctx), state.depth > 0, let bytes, count > 0 else { return }
            state.sink.text(bytes, count: Int(count))
        }
        // Script and style bodies; the tree holds them as CDATA nodes.
        sax.cdataBlock = sax.characters
        return sax
    }
}
