/// One paragraph of copy as `StoryCleaner` sees it: normalised text and, for HTML, what kind of
/// element it came from.
struct CopyBlock: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        /// Running text: a paragraph, a heading, a list item, a plain-text paragraph.
        case text
        /// A `<figcaption>`: a caption whatever it says.
        case figureCaption
        /// Inside navigation, aside, footer or form: never story text.
        case chrome(FurnitureKind)
    }

    var text: String
    var role: Role
    /// The text's byte facts when whoever made the block already read them (nil: `LineShape` reads them).
    var facts: ByteFacts?

    init(_ text: String, role: Role = .text, facts: ByteFacts? = nil) {
        self.text = text
        self.role = role
        self.facts = facts
    }

    /// Text and role: the facts follow from the text.
    static func == (a: CopyBlock, b: CopyBlock) -> Bool {
        a.text == b.text && a.role == b.role
    }
}
