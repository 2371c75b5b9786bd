import CLibXML2

/// The one place that asks libxml2's HTML parser for a document tree, with the project's options:
/// recover from tag soup, never touch the network, keep quiet (errors are not the page's content).
enum HTMLDocumentReader {
    /// libxml2 options shared with `HTMLEventReader`, so the tree and the event readers see the same text.
    static let parserOptions = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue

    /// Parses `html` and hands the document to `body`, freeing it afterwards; nil for empty input or
    /// when libxml2 returns no document.
    static func withDocument<Result>(_ html: String, _ body: (htmlDocPtr) -> Result) -> Result? {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return nil }
        LibXML.initialize()
        let options = parserOptions
        let count = Int32(clamping: bytes.count)
        let doc = bytes.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                // Swift strings are UTF-8, whatever the page's <meta charset> claims, and libxml2's
                // own guess is not reliable.
                htmlReadMemory(chars, count, nil, "UTF-8", Int32(bitPattern: options))
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        return body(doc)
    }
}
