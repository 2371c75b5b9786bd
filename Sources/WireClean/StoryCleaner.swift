import WireModel
import WireText

/// Turns a story's copy (`content_html` or a plain `body`) into clean body text and the furniture
/// taken out of it.
///
/// Works paragraph by paragraph: each paragraph is story text unless a rule is sure it is something
/// else; a paragraph no rule claims stays, so a doubtful line costs precision, never a sentence.
public struct StoryCleaner: Sendable {
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// Cleans the item in place: `body`, `furniture`, `captions`, and `headline` when the copy prints
    /// one and the item has none. `content_html` is dropped unless `keepContentHTML`.
    public func clean(_ item: inout Item, keepContentHTML: Bool = false) {
        var context = CopyContext(publisherNames: [item.publisher, item.feed?.title].compactMap { $0 },
                                  headline: item.headline)
        // A site name is at most 60 bytes (`SiteNames.isSiteName`): longer headlines need no shape.
        if options.siteNames, item.headlineSource == "copy", let headline = item.headline, headline.utf8.count <= 60,
           SiteNames.isSiteName(LineShape(headline), known: context.publisherNames, standalone: true) {
            // The plain-text reader takes a first line such as "The Seoul Ledger" for a headline.
            item.furniture.append(Furniture(kind: FurnitureKind.siteName.rawValue, text: headline))
            item.headline = nil
            item.headlineSource = nil
            context.headline = nil
        }
        let cleaned: CleanedStory
        if let html = item.contentHTML, !html.isEmpty {
            cleaned = clean(blocks: HTMLBlockReader.blocks(fromHTML: html), context: context)
        } else if let body = item.body {
            cleaned = clean(text: body, context: context)
        } else {
            return
        }
        item.body = cleaned.body
        // Most items come without furniture: then the cleaned array is taken as it is, not copied.
        if item.furniture.isEmpty { item.furniture = cleaned.furniture } else { item.furniture += cleaned.furniture }
        for caption in cleaned.captions where !item.captions.contains(where: { $0.text == caption.text }) {
            item.captions.append(caption)
        }
        if item.headline == nil, let headline = cleaned.headline {
            item.headline = headline
            item.headlineSource = "copy"
        }
        if !keepContentHTML { item.contentHTML = nil }
    }

    /// Cleans plain text: paragraphs are separated by blank lines.
    public func clean(text: String, context: CopyContext = CopyContext()) -> CleanedStory {
        var blocks: [CopyBlock] = []
        // Wire paragraphs run to a few hundred bytes: room for them all in one allocation.
        blocks.reserveCapacity(text.utf8.count / 128 + 4)
        ParagraphSplitter.append(text, role: .text, to: &blocks)
        return clean(blocks: blocks, context: context)
    }

    /// Cleans an HTML fragment or page.
    public func clean(html: String, context: CopyContext = CopyContext()) -> CleanedStory {
        clean(blocks: HTMLBlockReader.blocks(fromHTML: html), context: context)
    }

    func clean(blocks: [CopyBlock], context: CopyContext) -> CleanedStory {
        var pass = CleaningPass(blocks: blocks, options: options, context: context)
        pass.classifyLines()
        pass.settleStoryEnd()
        return pass.result()
    }
}

/// What the cleaner knows about a story besides its copy.
public struct CopyContext: Sendable, Equatable {
    /// The publisher's and feed's names: a line saying only one of them is a site name.
    public var publisherNames: [String]
    /// The headline the reader found, if any: the same line printed in the copy is furniture.
    public var headline: String?

    public init(publisherNames: [String] = [], headline: String? = nil) {
        self.publisherNames = publisherNames
        self.headline = headline
    }
}
