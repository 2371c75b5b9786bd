import WireModel
@testable import WireExtract

/// Items as `clean` hands them to `extract`: body paragraphs and recorded furniture.
enum ExtractTestSupport {
    static let receivedAt = "2026-11-29T08:00:00Z"

    static func item(_ paragraphs: [String], furniture: [(String, String)] = [], headline: String? = nil) -> Item {
        var item = Item(source: ItemSource(type: "file", name: "test"), format: .text, receivedAt: receivedAt)
        item.body = paragraphs.joined(separator: "\n\n")
        item.furniture = furniture.map { Furniture(kind: $0.0, text: $0.1) }
        item.headline = headline
        return item
    }

    static func extract(_ paragraphs: [String], furniture: [(String, String)] = [], headline: String? = nil,
                        options: ExtractOptions = ExtractOptions()) -> Item {
        StoryExtractor(options: options).extract(item(paragraphs, furniture: furniture, headline: headline))
    }

    static func names(_ entities: [Entity]) -> [String] { entities.map(\.name) }
}
