/// Which furniture rules `StoryCleaner` applies. Each family can be switched off on its own (from
/// `pipeline.json`), so a site whose copy trips one rule can keep the others.
public struct CleanOptions: Sendable, Equatable {
    /// Site or publisher names standing alone on a line ("The Seoul Ledger").
    public var siteNames = true
    /// Share and page-tool strings ("Link copied", "Share on X", "Print").
    public var shareWidgets = true
    /// "Related coverage:" / "Read more" headings with their headline lists, and "ALSO READ | …" lines.
    public var relatedLists = true
    /// Photo captions (kept in `captions`) and captions or paragraphs printed twice.
    public var captions = true
    /// Short lines in another script than the story's, belonging to no paragraph.
    public var strayScript = true
    /// "Published :", "Updated :" and date lines above the story.
    public var publicationLines = true
    /// "By Jane Doe", "Jane Doe, Staff reporter".
    public var bylines = true
    /// A headline printed in the copy above the story.
    public var headlines = true
    /// Trailing "(Yonhap)", "(END)", "Enditem", "— AFP", desk initials.
    public var signOffs = true
    /// "Reporting by …; Editing by …", "… contributed to this report."
    public var credits = true
    /// Copyright, advertisement, promotion, tag, contact, separator and disclaimer lines, and the text
    /// of navigation, aside, footer and form elements in HTML.
    public var pageChrome = true

    public init() {}

    /// Every rule off: `clean` then only converts HTML and normalises text.
    public static var none: CleanOptions {
        var options = CleanOptions()
        for rule in Rule.allCases { options[rule] = false }
        return options
    }
}

extension CleanOptions {
    /// One switchable rule family, named as its key in `pipeline.json`.
    public enum Rule: String, Sendable, CaseIterable {
        case siteNames = "site_names"
        case shareWidgets = "share_widgets"
        case relatedLists = "related_lists"
        case captions
        case strayScript = "stray_script"
        case publicationLines = "publication_lines"
        case bylines
        case headlines
        case signOffs = "sign_offs"
        case credits
        case pageChrome = "page_chrome"

        /// What the family removes, for the config reference.
        public var summary: String {
            switch self {
            case .siteNames: "site and publisher names standing alone on a line"
            case .shareWidgets: "share and page-tool strings (\"Link copied\", \"Share on X\", \"Print\")"
            case .relatedLists: "\"Related coverage\" and \"Read more\" headings with their headline lists, and \"ALSO READ: …\" lines"
            case .captions: "photo captions (moved to captions) and captions or paragraphs printed twice"
            case .strayScript: "short lines in another script than the story's that belong to no paragraph"
            case .publicationLines: "\"Published :\" and \"Updated :\" lines and time stamps above the story"
            case .bylines: "byline lines (\"By Jane Doe\", \"Jane Doe, Staff reporter\")"
            case .headlines: "the headline printed above the story (it becomes the headline when the item has none)"
            case .signOffs: "trailing sign-offs: \"(Yonhap)\", \"(END)\", \"Enditem\", \"— AFP\", desk initials"
            case .credits: "credit lines: \"Reporting by …; Editing by …\", \"… contributed to this report.\""
            case .pageChrome: "copyright, advertisement, promotion, tag, contact, separator and disclaimer lines, and HTML navigation, aside, footer and form text"
            }
        }
    }

    /// Whether a rule family is on.
    public subscript(rule: Rule) -> Bool {
        get {
            switch rule {
            case .siteNames: siteNames
            case .shareWidgets: shareWidgets
            case .relatedLists: relatedLists
            case .captions: captions
            case .strayScript: strayScript
            case .publicationLines: publicationLines
            case .bylines: bylines
            case .headlines: headlines
            case .signOffs: signOffs
            case .credits: credits
            case .pageChrome: pageChrome
            }
        }
        set {
            switch rule {
            case .siteNames: siteNames = newValue
            case .shareWidgets: shareWidgets = newValue
            case .relatedLists: relatedLists = newValue
            case .captions: captions = newValue
            case .strayScript: strayScript = newValue
            case .publicationLines: publicationLines = newValue
            case .bylines: bylines = newValue
            case .headlines: headlines = newValue
            case .signOffs: signOffs = newValue
            case .credits: credits = newValue
            case .pageChrome: pageChrome = newValue
            }
        }
    }
}
