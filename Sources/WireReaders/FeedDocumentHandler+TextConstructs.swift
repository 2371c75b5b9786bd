import Foundation
import LibXML
import WireModel
import WireText

/// Text constructs: titles, descriptions and content, as text, HTML, XHTML or base64.
extension FeedDocumentHandler {
    // MARK: - Text constructs

    /// A title-like field as one line of plain text. Atom says whether it is text, html or xhtml; RSS
    /// does not, and in practice RSS titles carry entities and tags, so RSS titles are read as HTML
    /// whenever they contain `<` or `&`.
    func textConstruct(_ field: FeedFieldCapture) -> String {
        switch constructType(field) {
        case .text:
            return TextNormalizer.inline(field.text)
        case .html:
            return TextNormalizer.inline(FeedMarkup.htmlToText(field.text))
        case .xhtml:
            return TextNormalizer.inline(FeedMarkup.plainText(fromHTML: field.serializedMarkup))
        case .base64:
            let decoded = FeedMarkup.base64Text(field.text)
            return TextNormalizer.inline(Self.declaresHTML(field) ? FeedMarkup.plainText(fromHTML: decoded) : decoded)
        }
    }

    /// A description-like field: plain paragraphs into `text`, and the markup as given into `html`
    /// when there is markup.
    func readTextConstruct(_ field: FeedFieldCapture, text: inout String?, html: inout String?) {
        readTextConstructAsGiven(field, text: &text, html: &html)
        // Links inside the markup resolved against the field's base, unsafe ones dropped.
        if let markup = html { html = HTMLLinkRewriter.rewrite(markup, base: base(explicit: field.explicitBase)) }
    }

    func readTextConstructAsGiven(_ field: FeedFieldCapture, text: inout String?, html: inout String?) {
        switch constructType(field) {
        case .text:
            text = TextNormalizer.paragraphs(field.text)
        case .html:
            let source = field.text.trimmingWhitespace()
            if FeedMarkup.containsTags(source) {
                html = source
                text = TextNormalizer.paragraphs(FeedMarkup.plainText(fromHTML: source))
            } else {
                // Entities alone (`caf&amp;eacute;` escaped twice) do not make it HTML worth keeping:
                // decode them and keep the text.
                text = TextNormalizer.paragraphs(FeedMarkup.htmlToText(source))
            }
        case .xhtml:
            html = field.serializedMarkup.trimmingWhitespace()
            text = TextNormalizer.paragraphs(FeedMarkup.plainText(fromHTML: field.serializedMarkup))
        case .base64:
            let decoded = FeedMarkup.base64Text(field.text)
            if Self.declaresHTML(field) {
                html = decoded
                text = TextNormalizer.paragraphs(FeedMarkup.plainText(fromHTML: decoded))
            } else {
                text = TextNormalizer.paragraphs(decoded)
            }
        }
    }

    enum ConstructType { case text, html, xhtml, base64 }

    func constructType(_ field: FeedFieldCapture) -> ConstructType {
        if format == .atom {
            let type = field.attributes.first(where: { $0.name.localName == "type" && $0.name.namespaceURI == nil })?
                .value.trimmingWhitespace().lowercased() ?? "text"
            let mode = field.attributes.first(where: { $0.name.localName == "mode" })?.value.lowercased()
            if mode == "base64" { return .base64 }
            switch type {
            case "xhtml", "application/xhtml+xml": return .xhtml
            case "html", "text/html": return .html
            case "text", "text/plain": return mode == "escaped" ? .html : (field.hasChildren ? .xhtml : .text)
            default:
                // RFC 4287 §3.1.1.3: any other media type that is not XML or text is base64-encoded.
                if type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.hasPrefix("text/") {
                    return field.hasChildren ? .xhtml : .text
                }
                return .base64
            }
        }
        // RSS: markup that was not escaped arrived as child elements ("naked" HTML).
        return field.hasChildren ? .xhtml : .html
    }

    /// Atom 0.3 `mode="base64"` content says in `type` what it decodes to.
    static func declaresHTML(_ field: FeedFieldCapture) -> Bool {
        field.attributes.first(where: { $0.name.localName == "type" && $0.name.namespaceURI == nil })?
            .value.lowercased().contains("html") ?? false
    }
}
