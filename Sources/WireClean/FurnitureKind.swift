/// The `kind` of a `furniture` entry (DESIGN §3): what a removed line was, so `extract` can use it.
public enum FurnitureKind: String, Sendable, CaseIterable {
    case siteName = "site-name"
    case strayScript = "stray-script"
    case headline
    case byline
    case published
    case updated
    case shareWidget = "share-widget"
    case caption
    case duplicateCaption = "duplicate-caption"
    case duplicateParagraph = "duplicate-paragraph"
    case relatedHeading = "related-heading"
    case related
    case signOff = "sign-off"
    case credit
    case contact
    case separator
    case disclaimer
    case copyright
    case advertisement
    case promo
    case tags
    case navigation
    case aside
    case footer
    case form
}
