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
