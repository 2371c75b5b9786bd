/// Receives the events of one XML document from `SAXPushParser`, already converted to Swift values, so
/// that no code outside this module ever sees a libxml2 pointer.
///
/// Text between two element boundaries arrives as one coalesced `text` call (libxml2 splits it at
/// buffer and entity edges), capped by `SAXPushParser.Limits.maxTextBytes`.
public protocol SAXEventHandler: AnyObject {
    func startElement(_ element: XMLElementName, attributes: [XMLAttribute])
    func endElement(_ element: XMLElementName)
    func text(_ text: String)
    /// A recoverable or fatal error; the parser keeps going after recoverable ones (RECOVER mode).
    func parseError(_ error: XMLParseError)
}
