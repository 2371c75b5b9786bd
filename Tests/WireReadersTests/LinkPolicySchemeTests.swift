import LibXML
import Testing
@testable import WireReaders

/// `LinkPolicy.resolve` hands a link that starts with a scheme back as it is, without asking libxml2:
/// that must be exactly what libxml2's resolution gave (the link unchanged when it is absolute, and
/// unchanged when it does not parse), and relative links must still be resolved.
@Suite struct LinkPolicySchemeTests {
    static let base = "https://news.example/world/europe/index.html"

    @Test(arguments: [
        "https://news.example/story",
        "HTTP://News.Example/A/../B/./c?q=1&r=a b#frag",
        "http://cdn.example/img/photo 1.jpg",
        "https://news.example/café/été.html",
        "https://news.example/%7Euser/ünïcode",
        "mailto:desk@news.example",
        "tel:+44-20-7946-0000",
        "ftp://files.example/a/../b",
        "urn:isbn:0451450523",
        "svn+ssh://code.example/repo",
        "a.b-c+d:opaque",
        "http:relative/path",
        "http://[::1/broken",
        "https://news.example/a%ZZb",
    ])
    func absoluteLinksComeBackAsLibXML2GivesThem(link: String) {
        #expect(LinkPolicy.startsWithScheme(link))
        #expect(LinkPolicy.resolve(link, base: Self.base) == (URIResolver.resolve(link, against: Self.base) ?? link))
    }

    @Test(arguments: [
        ("story.html", "https://news.example/world/europe/story.html"),
        ("../asia/x.html", "https://news.example/world/asia/x.html"),
        ("/top", "https://news.example/top"),
        ("//cdn.example/a.jpg", "https://cdn.example/a.jpg"),
        ("?page=2", "https://news.example/world/europe/index.html?page=2"),
    ])
    func relativeLinksAreStillResolved(link: String, expected: String) {
        #expect(!LinkPolicy.startsWithScheme(link))
        #expect(LinkPolicy.resolve(link, base: Self.base) == expected)
    }

    @Test func unsafeSchemesAreStillDropped() {
        #expect(LinkPolicy.resolve("javascript:alert(1)", base: Self.base) == nil)
        #expect(LinkPolicy.resolve("DATA:text/html,x", base: Self.base) == nil)
    }
}
