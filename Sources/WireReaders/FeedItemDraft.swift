import WireModel

/// An item being read; the fields that need the whole item to decide on live here until its end tag.
struct FeedItemDraft {
    var item: Item
    var depth: Int
    var descriptionText: String?
    var descriptionHTML: String?
    var contentHTML: String?
    var contentText: String?
    var guidIsPermaLink = true
    var authors: [String] = []
    /// `dc:title` / `media:title`, used only when the item has no title of its own.
    var fallbackTitle: String?
    /// Rank of the element `published_raw` came from, so that `pubDate`/`published` outrank
    /// `dc:date`/`issued` whatever their order.
    var publishedRank = 0
}
