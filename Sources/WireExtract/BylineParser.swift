import Foundation
import WireGazetteer

/// Reads byline lines: "By Yonhap" (an agency, no person), "By HELENA MARQUES Associated Press",
/// "By Maya Okonkwo and Lars Brenner".
struct BylineParser {
    struct Parsed: Equatable {
        var people: [String]
        var agency: GazetteerEntry?
    }

    static func parse(_ line: String) -> Parsed? {
        var text = line.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("by ") else { return nil }
        text = String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        if let whole = agency(text) { return Parsed(people: [], agency: whole) }
        var words = text.split(separator: " ").map(String.init)
        var found: GazetteerEntry?
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            if let entry = agency(words.suffix(length).joined(separator: " ")) {
                found = entry
                words.removeLast(length)
                break
            }
        }
        let names = words.joined(separator: " ")
            .replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
            .map { titleCased($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        guard !names.isEmpty || found != nil else { return nil }
        return Parsed(people: names, agency: found)
    }

    static func agency(_ text: String) -> GazetteerEntry? {
        Gazetteer.shared.lookup(text).first { $0.kind == .agency }
    }

    /// "HELENA MARQUES" → "Helena Marques"; mixed case is left as written.
    static func titleCased(_ name: String) -> String {
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        return name.split(separator: " ").map { word in
            word.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
