import Foundation
import WireModel

/// IPTC ninjs (news in JSON, 1.x to 3.x): one object is one item, an array of objects several.
///
/// JSON is UTF-8 by definition; a byte-order mark is honoured and invalid UTF-8 is read as Windows-1252
/// with an issue, as for plain text. Invalid JSON is unreadable (`malformed`); a JSON object with none
/// of ninjs's identifying fields is not ninjs (`unknown-format`).
public struct NinjsReader: Reader {
    public var format: InputFormat { .ninjs }

    /// Keys of which a ninjs object has at least one.
    static let ninjsKeys: Set<String> = [
        "uri", "guid", "headline", "headlines", "body_text", "body_html", "bodies", "versioncreated",
    ]

    public var maxItems: Int
    /// Bytes kept per string value.
    public var maxFieldBytes: Int

    public init(maxItems: Int = 10_000, maxFieldBytes: Int = 1 << 20) {
        self.maxItems = maxItems
        self.maxFieldBytes = maxFieldBytes
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        let decoded = TextDecoder.decode(bytes)
        var issues: [ReadIssue] = []
        if decoded.fellBack {
            issues.append(ReadIssue(
                reason: "encoding-fallback",
                detail: "not valid \(decoded.encoding); decoded as Windows-1252 so that every byte is kept"))
        }
        let objects = try Self.topLevelObjects(Data(decoded.text.utf8))
        let budget = NinjsObject.Budget(maxFieldBytes: maxFieldBytes)
        var items: [Item] = []
        var skipped = 0
        for values in objects {
            guard items.count < maxItems else {
                issues.append(ReadIssue(reason: "too-many-items",
                                        detail: "stopped after \(maxItems) items; the rest of the array was not read"))
                break
            }
            guard let values, case let object = NinjsObject(values: values, budget: budget),
                  object.hasAny(of: Self.ninjsKeys)
            else {
                skipped += 1
                continue
            }
            items.append(NinjsItem.item(from: object, context: context))
        }
        if items.isEmpty, skipped > 0 {
            throw UnreadableInput(reason: "unknown-format",
                                  detail: "JSON without any ninjs object (no uri, headline or body)")
        }
        if skipped > 0 {
            issues.append(ReadIssue(reason: "unsupported-item",
                                    detail: "\(skipped) array entries are not ninjs objects"))
        }
        if budget.truncated > 0 {
            issues.append(ReadIssue(reason: "field-truncated",
                                    detail: "\(budget.truncated) values longer than \(maxFieldBytes) bytes were cut"))
        }
        return ReadResult(items: items, issues: issues)
    }

    /// The document's objects: itself when it is an object, its entries when it is an array (nil for
    /// an entry that is not an object).
    private static func topLevelObjects(_ data: Data) throws(UnreadableInput) -> [[String: Any]?] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw UnreadableInput(reason: "malformed", detail: "invalid JSON: \(error.localizedDescription)")
        }
        if let object = json as? [String: Any] { return [object] }
        if let array = json as? [Any] { return array.map { $0 as? [String: Any] } }
        throw UnreadableInput(reason: "malformed", detail: "JSON that is neither an object nor an array")
    }
}
