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

/// An element's name as namespaces resolve it: compare `namespaceURI` + `localName`, never the prefix,
/// because feeds bind the same namespace to whatever prefix they like.
public struct XMLElementName: Sendable, Equatable, Hashable {
    public var localName: String
    public var prefix: String?
    public var namespaceURI: String?

    public init(localName: String, prefix: String? = nil, namespaceURI: String? = nil) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
    }

    /// `prefix:localName` as written in the document, for serialising markup back.
    public var qualifiedName: String {
        if let prefix, !prefix.isEmpty { return "\(prefix):\(localName)" }
        return localName
    }
}

public struct XMLAttribute: Sendable, Equatable {
    public var name: XMLElementName
    public var value: String

    public init(name: XMLElementName, value: String) {
        self.name = name
        self.value = value
    }
}

/// One error reported by libxml2's structured error handler, or by the wrapper's own limits.
public struct XMLParseError: Sendable, Equatable {
    /// libxml2's `xmlParserErrors` code; 0 for the wrapper's own limit errors.
    public var code: Int
    public var line: Int
    public var message: String
    /// True for libxml2 fatal errors and for limits that stopped the parse.
    public var isFatal: Bool
    /// Set for the wrapper's own limits (`text-truncated`, `text-budget`, `stopped`), nil for libxml2 errors.
    public var limit: String?

    public init(code: Int, line: Int, message: String, isFatal: Bool, limit: String? = nil) {
        self.code = code
        self.line = line
        self.message = message
        self.isFatal = isFatal
        self.limit = limit
    }
}
