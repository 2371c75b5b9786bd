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

    init(_ text: String, role: Role = .text) {
        self.text = text
        self.role = role
    }
}
