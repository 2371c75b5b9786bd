/// Namespace URIs the feed reader understands. Elements are matched on URI + local name, never on the
/// prefix a feed happens to use.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    /// `xhtml:body` inside an RSS item carries the full story as XHTML.
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// Media RSS, with and without the trailing slash (both occur in the wild).
    static let media: Set<String> = ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"]
}
