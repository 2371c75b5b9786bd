import Crypto
import Foundation
import WireModel

/// How a feed item is known across polls (Miniflux's rule): its guid, else its link, else a hash of
/// its title and content; and a hash of what it says, so the same guid with new content is an update.
enum FeedItemIdentity {
    static func key(of item: Item) -> String {
        if let guid = item.guid?.trimmingCharacters(in: .whitespacesAndNewlines), !guid.isEmpty { return "guid:" + guid }
        if let link = item.url?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty { return "link:" + link }
        return "hash:" + digest([item.headline, item.contentHTML ?? item.body ?? item.summary])
    }

    /// What the item says, not when it was fetched: a re-timestamped item with the same text is not new,
    /// but a correction or a kill notice (a new status or version) is.
    static func contentHash(of item: Item) -> String {
        digest([item.headline, item.summary, item.contentHTML, item.body, item.version, item.pubStatus])
    }

    /// Each item's key, made unique within one response: a guid repeated by a broken feed keeps both
    /// items apart (the second gets `#2`), as long as it repeats in the same order.
    static func keys(of items: [Item]) -> [String] {
        var counts: [String: Int] = [:]
        return items.map { item in
            let key = key(of: item)
            counts[key, default: 0] += 1
            let count = counts[key] ?? 1
            return count == 1 ? key : "\(key)#\(count)"
        }
    }

    private static func digest(_ parts: [String?]) -> String {
        var hasher = SHA256()
        for part in parts {
            // Length-prefixed, and nil told apart from empty.
            let bytes = part.map { Array($0.utf8) } ?? []
            hasher.update(data: Array((part == nil ? "-" : String(bytes.count)).utf8) + [0x3A] + bytes)
        }
        return hasher.finalize().prefix(16).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
