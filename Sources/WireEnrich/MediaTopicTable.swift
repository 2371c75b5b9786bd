/// The IPTC Media Topics vocabulary `enrich` ships: code → label and parent, parsed once from the
/// generated table (Scripts/build-mediatopics.py; CC-BY 4.0, IPTC — see LICENSE-iptc).
public struct MediaTopicTable: Sendable {
    public static let shared = MediaTopicTable(rows: rows)

    private struct Concept: Sendable {
        var parent: String?
        var label: String
    }

    /// Keyed by the code's digits ("11000000").
    private let concepts: [String: Concept]

    init(rows: String) {
        var concepts: [String: Concept] = [:]
        for line in rows.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            concepts[String(fields[0])] = Concept(parent: fields[1].isEmpty ? nil : String(fields[1]), label: String(fields[2]))
        }
        self.concepts = concepts
    }

    public var count: Int { concepts.count }

    /// The English label of a code given as digits or as `medtop:` qcode; nil for an unknown code.
    public func label(_ code: String) -> String? {
        concepts[Self.digits(code)]?.label
    }

    /// The top-level concept above a code (itself when it is one), as digits; nil for an unknown code.
    public func topLevel(_ code: String) -> String? {
        var current = Self.digits(code)
        // The vocabulary is five levels deep; the bound guards against a malformed cycle.
        for _ in 0..<8 {
            guard let concept = concepts[current] else { return nil }
            guard let parent = concept.parent else { return current }
            current = parent
        }
        return nil
    }

    /// The chain from the top level down to the code, as digits.
    public func path(_ code: String) -> [String] {
        var chain: [String] = []
        var current: String? = Self.digits(code)
        while let code = current, let concept = concepts[code], chain.count < 8 {
            chain.insert(code, at: 0)
            current = concept.parent
        }
        return chain
    }

    static func digits(_ code: String) -> String {
        code.hasPrefix("medtop:") ? String(code.dropFirst(7)) : code
    }
}
