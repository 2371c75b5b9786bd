import Foundation
/// Splits a photo caption from its trailing credit: "… on April 11, 2024. (KCNA/Kyodo)".
enum CaptionParser {
    static func parse(_ text: String) -> (text: String, credit: String?) {
        let trimmed = text.trimming(" ")
        guard trimmed.hasSuffix(")") || trimmed.hasSuffix("]"), let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "[" }) else {
            return (trimmed, nil)
        }
        let credit = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        guard !credit.isEmpty, credit.count <= 60, credit.first?.isUppercase ?? false else { return (trimmed, nil) }
        return (trimmed[..<open].trimming(" "), String(credit))
    }

    /// The agency part of a credit: "Xinhua/Liu Wenjie" → "Xinhua", "KCNA/Kyodo" → both parts in order.
    static func creditParts(_ credit: String) -> [String] {
        credit.split(separator: "/").map { $0.trimming(" ") }
    }
}
