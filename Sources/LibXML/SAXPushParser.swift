import CLibXML2

/// libxml2's SAX2 push parser, configured for hostile input, behind a Swift event API.
///
/// Why SAX push rather than xmlTextReader: in RECOVER mode it keeps the items after a broken one, and it
/// takes network chunks as they come. Why the extra guards: in SAX mode libxml2 re-expands internal
/// entities on every reference whatever the options (a 200 KB file becomes gigabytes), so entity
/// declarations are ignored (names recorded, values never stored), only predefined and HTML named entities
/// resolve (a name nobody declared stays as literal text, `&foo;`), text
/// is capped per run and in total, and NOENT / DTDLOAD / HUGE are never set.
///
/// One instance parses one document on one thread; it is `@unchecked Sendable` only so that it may be
/// created on one queue and used on another, never concurrently.
public final class SAXPushParser: @unchecked Sendable {
    public struct Limits: Sendable {
        /// Bytes of text kept between two element boundaries; the rest is dropped and reported once.
        public var maxTextBytes: Int
        /// Total text bytes delivered for the whole document, as a multiple of the input bytes fed so
        /// far plus a floor: catches any entity amplification that slipped past the other guards.
        public var textAmplification: Int
        public var textFloorBytes: Int
        /// Errors forwarded to the handler; later ones are counted, not delivered (a hostile document
        /// can raise one per entity reference).
        public var maxErrors: Int
        /// Wall time one document may take from its first chunk. libxml2 is linear on everything the
        /// other limits let through, so this only fires on a starved or pathological parse; it keeps one
        /// input from holding its reader's queue however it got slow.
        public var maxParseTime: Duration

        public init(maxTextBytes: Int = 1 << 20, textAmplification: Int = 4, textFloorBytes: Int = 4 << 20,
                    maxErrors: Int = 100, maxParseTime: Duration = .seconds(30)) {
            self.maxTextBytes = maxTextBytes
            self.textAmplification = textAmplification
            self.textFloorBytes = textFloorBytes
            self.maxErrors = maxErrors
            self.maxParseTime = maxParseTime
        }
    }

    /// Chunk size for `parse(_:)`: measured throughput is flat between 4 KB and 64 KB.
    public static let chunkSize = 64 * 1024

    private let handler: any SAXEventHandler
    private let limits: Limits
    private let documentName: String
    private let ignoreDeclaredEncoding: Bool
    private var ctxt: xmlParserCtxtPtr?
    private var entities: HTMLEntityTable?
    /// Names the document's DTD declares. Their references are refused (reported, never expanded); any
    /// other unknown name is kept as literal text.
    private var declaredEntities: Set<String> = []
    /// Names and namespace URIs by their libxml2 dictionary pointer (see `interned`).
    private var internedNames: [UnsafePointer<xmlChar>: String] = [:]
    /// The last name seen in each slot of a direct-mapped table in front of `internedNames`.
    private var recentNames = [(pointer: UnsafePointer<xmlChar>, name: String)?](repeating: nil, count: SAXPushParser.recentSlots)
    private static let recentSlots = 64

    private var pending: [UInt8] = []
    private var pendingOverflow = false
    private var bytesFed = 0
    private var textDelivered = 0
    private var stopped = false
    private var finished = false
    private var startedAt: ContinuousClock.Instant?
    private var callbacksSinceClockCheck = 0

    /// Errors libxml2 reported, including those not forwarded past `maxErrors`.
    public private(set) var errorCount = 0

    /// - Parameters:
    ///   - ignoreDeclaredEncoding: set when the caller has already transcoded the bytes to UTF-8, so the
    ///     document's own `encoding=` declaration must not re-decode them.
    public init(handler: any SAXEventHandler, limits: Limits = Limits(), documentName: String = "document.xml",
                ignoreDeclaredEncoding: Bool = false) {
        self.handler = handler
        self.limits = limits
        self.documentName = documentName
        self.ignoreDeclaredEncoding = ignoreDeclaredEncoding
        LibXML.initialize()
    }

    deinit {
        if let ctxt {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            ctxt.pointee._private = nil
            xmlFreeParserCtxt(ctxt)
        }
    }

    /// Parses a whole in-memory document in `chunkSize` chunks.
    public func parse(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count, !stopped {
            let end = min(start + Self.chunkSize, bytes.count)
            feed(bytes[start..<end])
            start = end
        }
        finish()
    }

    /// Feeds the next chunk of the document (for example a network body chunk).
    public func feed(_ chunk: ArraySlice<UInt8>) {
        guard !stopped, !finished, !chunk.isEmpty else { return }
        if startedAt == nil { startedAt = .now }
        guard withinTimeLimit() else { return }
        bytesFed += chunk.count
        chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                var offset = 0
                if ctxt == nil {
                    // libxml2 sniffs the encoding (BOM, `<?xm` in UTF-16/32) from the first bytes it is
                    // given at creation, so hand it the first four rather than none.
                    let head = min(4, buffer.count)
                    guard createContext(firstBytes: chars, count: head) else { return }
                    offset = head
                }
                if offset < buffer.count, let ctxt {
                    xmlParseChunk(ctxt, chars + offset, Int32(buffer.count - offset), 0)
                }
            }
        }
    }

    /// Ends the document: libxml2 reports a truncated document here.
    public func finish() {
        guard !finished else { return }
        finished = true
        if ctxt == nil {
            // Nothing was fed: still create the context so that libxml2 reports "Document is empty".
            var nothing: CChar = 0
            guard createContext(firstBytes: &nothing, count: 0) else { return }
        }
        if let ctxt, !stopped {
            xmlParseChunk(ctxt, nil, 0, 1)
        }
        flushText()
    }

    /// Stops parsing (the handler's own budget, such as an item cap, was reached). Safe to call from
    /// inside a handler callback.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// The line libxml2 is at, for errors the handler raises itself.
    public var currentLine: Int {
        guard let ctxt else { return 0 }
        return Int(xmlSAX2GetLineNumber(ctxt))
    }

    // MARK: - Context

    private func createContext(firstBytes: UnsafePointer<CChar>, count: Int) -> Bool {
        var sax = Self.makeHandler()
        guard let created = documentName.withCString({ name in
            xmlCreatePushParserCtxt(&sax, nil, firstBytes, Int32(count), name)
        }) else {
            stopped = true
            handler.parseError(XMLParseError(code: 0, line: 0, message: "libxml2 could not create a parser",
                                             isFatal: true, limit: "stopped"))
            return false
        }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_RECOVER.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if ignoreDeclaredEncoding { options |= XML_PARSE_IGNORE_ENC.rawValue }
        xmlCtxtUseOptions(created, Int32(bitPattern: options))
        // State travels through `_private`, not `user_data`: libxml2's default SAX2 handlers that we keep
        // (startDocument, internalSubset) expect their context argument to be the parser context.
        created.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        ctxt = created
        return true
    }

    /// A SAX2 handler with libxml2's defaults for document bookkeeping and ours for everything that
    /// produces content or could expand or load an entity.
    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        xmlSAXVersion(&sax, 2)
        sax.startElementNs = { ctx, localname, prefix, uri, _, _, nbAttributes, _, attributes in
            guard let parser = SAXPushParser.from(ctx), let localname else { return }
            parser.didStartElement(localname: localname, prefix: prefix, uri: uri,
                                   count: Int(nbAttributes), attributes: attributes)
        }
        sax.endElementNs = { ctx, localname, prefix, uri in
            guard let parser = SAXPushParser.from(ctx), let localname else { return }
            parser.didEndElement(localname: localname, prefix: prefix, uri: uri)
        }
        sax.characters = { ctx, ch, len in
            guard let parser = SAXPushParser.from(ctx), let ch else { return }
            parser.didReceiveCharacters(ch, count: Int(len))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        // Never declare an entity: every reference to a document-declared entity then becomes a
        // recoverable "Entity 'x' not defined" error instead of an expansion or a file/network load.
        sax.entityDecl = { ctx, name, _, _, _, _ in
            guard let parser = SAXPushParser.from(ctx), let name else { return }
            parser.didDeclareEntity(name)
        }
        sax.unparsedEntityDecl = { _, _, _, _, _ in }
        sax.getEntity = { ctx, name in
            guard let parser = SAXPushParser.from(ctx), let name else { return nil }
            return parser.lookUpEntity(name)
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.externalSubset = { _, _, _, _ in }
        sax.reference = nil
        sax.comment = nil
        sax.processingInstruction = nil
        sax.serror = { ctx, error in
            guard let parser = SAXPushParser.from(ctx), let error else { return }
            parser.didReceiveError(code: Int(error.pointee.code), line: Int(error.pointee.line),
                                   level: error.pointee.level.rawValue,
                                   message: error.pointee.message.map { String(cString: $0) } ?? "")
        }
        return sax
    }

    /// The parser behind a libxml2 callback's context argument (the parser context, see `createContext`).
    private static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXPushParser? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = ctxt.pointee._private else { return nil }
        return Unmanaged<SAXPushParser>.fromOpaque(state).takeUnretainedValue()
    }

    // MARK: - Events

    private func didStartElement(localname: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
                                 uri: UnsafePointer<xmlChar>?, count: Int,
                                 attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        var list: [XMLAttribute] = []
        if let attributes, count > 0 {
            list.reserveCapacity(count)
            // Five pointers per attribute: localname, prefix, URI, value start, value end (not NUL-terminated).
            for index in 0..<count {
                let base = index * 5
                guard let name = attributes[base] else { continue }
                var value = ""
                if let start = attributes[base + 3], let end = attributes[base + 4], end >= start {
                    let bytes = UnsafeBufferPointer(start: start, count: end - start)
                    value = String(decoding: bytes, as: UTF8.self)
                    if bytes.contains(UInt8(ascii: "&")) { value = Self.decodeReferences(value) }
                }
                list.append(XMLAttribute(name: self.name(name, attributes[base + 1], attributes[base + 2]),
                                         value: value))
            }
        }
        handler.startElement(name(localname, prefix, uri), attributes: list)
    }

    private func didEndElement(localname: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
                               uri: UnsafePointer<xmlChar>?) {
        flushText()
        handler.endElement(name(localname, prefix, uri))
    }

    private func name(_ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                      _ uri: UnsafePointer<xmlChar>?) -> XMLElementName {
        XMLElementName(localName: interned(localname), prefix: prefix.map(interned),
                       namespaceURI: uri.map(interned))
    }

    /// The Swift string for a name or namespace URI. libxml2 hands these out from its parser dictionary,
    /// one pointer per distinct string for the whole document, so the pointer is a key: each name is
    /// decoded once per document, not once per element (namespace URIs are long enough to cost an
    /// allocation each time). A hit is still compared byte for byte, so a pointer that was not from the
    /// dictionary can never yield a stale name. A small direct-mapped table answers first (a document
    /// uses a few dozen names, and hashing the pointer cost more than the comparison); the dictionary
    /// behind it is bounded, so a document with millions of distinct names cannot grow it.
    private func interned(_ pointer: UnsafePointer<xmlChar>) -> String {
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (Self.recentSlots - 1)
        if let recent = recentNames[slot], recent.pointer == pointer, Self.equals(recent.name, pointer) {
            return recent.name
        }
        let string: String
        if let known = internedNames[pointer], Self.equals(known, pointer) {
            string = known
        } else {
            string = String(cString: pointer)
            if internedNames.count < 4096 { internedNames[pointer] = string }
        }
        recentNames[slot] = (pointer, string)
        return string
    }

    /// Whether `string` has exactly the bytes of the NUL-terminated `cString`. Stops at the first
    /// difference, so it never reads past the C string's terminator.
    private static func equals(_ string: String, _ cString: UnsafePointer<xmlChar>) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for index in 0..<bytes.count where cString[index] != bytes[index] { return false }
            return cString[bytes.count] == 0
        }
    }

    /// False, after reporting and stopping, once the document has used up `maxParseTime`.
    private func withinTimeLimit() -> Bool {
        guard let startedAt, ContinuousClock.now - startedAt > limits.maxParseTime else { return true }
        report(XMLParseError(code: 0, line: currentLine,
                             message: "parse took longer than \(limits.maxParseTime): stopped",
                             isFatal: true, limit: "time-limit"))
        stop()
        return false
    }

    private func didReceiveCharacters(_ ch: UnsafePointer<xmlChar>, count: Int) {
        guard count > 0, !stopped else { return }
        // Inside one chunk too, but reading the clock on every callback would cost more than the text.
        callbacksSinceClockCheck += 1
        if callbacksSinceClockCheck >= 4096 {
            callbacksSinceClockCheck = 0
            guard withinTimeLimit() else { return }
        }
        textDelivered += count
        if textDelivered > max(limits.textFloorBytes, bytesFed * limits.textAmplification) {
            report(XMLParseError(code: 0, line: currentLine,
                                 message: "text delivered exceeds \(limits.textAmplification)x the input: stopped",
                                 isFatal: true, limit: "text-budget"))
            stop()
            return
        }
        let room = limits.maxTextBytes - pending.count
        if room <= 0 {
            markOverflow()
            return
        }
        let take = min(room, count)
        pending.append(contentsOf: UnsafeBufferPointer(start: ch, count: take))
        if take < count { markOverflow() }
    }

    private func markOverflow() {
        guard !pendingOverflow else { return }
        pendingOverflow = true
        report(XMLParseError(code: 0, line: currentLine,
                             message: "text longer than \(limits.maxTextBytes) bytes truncated",
                             isFatal: false, limit: "text-truncated"))
    }

    private func flushText() {
        pendingOverflow = false
        guard !pending.isEmpty else { return }
        // A cap can cut a multi-byte sequence; decoding repairs that with one U+FFFD.
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: pending.count <= 64 * 1024)
        handler.text(text)
    }

    private func didReceiveError(code: Int, line: Int, level: UInt32, message: String) {
        let trimmed = String(message.drop(while: { $0 == " " }).reversed().drop(while: { $0 == "\n" || $0 == " " })
            .reversed())
        report(XMLParseError(code: code, line: line, message: trimmed, isFatal: level >= XML_ERR_FATAL.rawValue))
    }

    private func report(_ error: XMLParseError) {
        errorCount += 1
        guard errorCount <= limits.maxErrors else { return }
        handler.parseError(error)
    }

    // MARK: - Entities

    /// Attribute values as libxml2 hands them to SAX2 without entity substitution still hold references:
    /// `&amp;` arrives as `&#38;`, HTML names as `&nbsp;`. Decoded here in one pass (so `&#38;lt;`
    /// stays `&lt;`); an unknown name is kept as written.
    static func decodeReferences(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest.index(after: amp)
            guard let semicolon = rest[after...].prefix(33).firstIndex(of: ";") else {
                out += "&"
                rest = rest[after...]
                continue
            }
            let name = String(rest[after..<semicolon])
            if let decoded = decodeReference(name) {
                out += decoded
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        out += rest
        return out
    }

    private static func decodeReference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard !name.isEmpty,
                  let description = name.withCString({
                      htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
                  }),
                  let scalar = Unicode.Scalar(description.pointee.value)
            else { return nil }
            return String(Character(scalar))
        }
    }

    /// Records a declared entity's name, never its value (bounded: a hostile DTD may declare millions).
    private func didDeclareEntity(_ name: UnsafePointer<xmlChar>) {
        guard declaredEntities.count < 10_000 else { return }
        declaredEntities.insert(String(cString: name))
    }

    /// Predefined XML entities, then HTML's named ones (`&nbsp;`, `&eacute;`, which feeds use without a
    /// DTD and which RECOVER mode would otherwise silently drop), then, for a name nobody defined
    /// (`&foo;`), the reference itself as text, so that nothing vanishes. Names the document declared are
    /// refused: `entityDecl` stores no value, so libxml2 reports them as undefined and expands nothing.
    private func lookUpEntity(_ name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        if let predefined = xmlGetPredefinedEntity(name) { return predefined }
        if entities == nil { entities = HTMLEntityTable() }
        if let known = entities?.entity(named: name) { return known }
        if declaredEntities.count >= 10_000 || declaredEntities.contains(String(cString: name)) { return nil }
        return entities?.literal(named: name)
    }
}
