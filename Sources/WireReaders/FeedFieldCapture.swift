import LibXML

/// The text of one field element, gathered until its end tag.
struct FeedFieldCapture {
    let name: XMLElementName
    let attributes: [XMLAttribute]
    let depth: Int
    let explicitBase: String?
    /// Character data of the element and its descendants, entities decoded.
    var text = ""
    /// The same content with child elements serialised back to markup and text escaped. Built only
    /// once a child element appears (most fields have none, and escaping every field would cost
    /// more than parsing it); `serializedMarkup` covers the childless case.
    var markup = ""
    var hasChildren = false
    var bytes = 0
    var truncated = false
    /// Text of direct children by local name (Atom `author/name`), first occurrence only.
    var childText: [String: String] = [:]
    var currentChild: String?
    var currentChildText = ""

    var serializedMarkup: String { hasChildren ? markup : FeedMarkup.escape(text, quotes: false) }
}
