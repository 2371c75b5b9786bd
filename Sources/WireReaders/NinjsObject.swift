/// One JSON object of a ninjs document, read leniently: ninjs 1.x, 2.x and 3.x disagree on shapes
/// (`associations` is an object in 1.x and an array in 2.x; numbers arrive as strings and the other
/// way round), so every accessor takes whichever shape it finds and returns nil or empty otherwise.
///
/// Keys are compared without case: ninjs 3.0 writes `firstCreated`, `pubStatus` and `contentType` where
/// 1.x and 2.x write `firstcreated`, `pubstatus` and `contenttype`, so accessors take lower-case names.
///
/// Strings are cut at `maxFieldBytes` (on a character boundary), counted in the shared `budget`.
struct NinjsObject {
    /// Counts the strings cut to size; shared by every object of one document.
    final class Budget {
        let maxFieldBytes: Int
        var truncated = 0
        init(maxFieldBytes: Int) { self.maxFieldBytes = maxFieldBytes }
    }

    private let values: [String: Any]
    let budget: Budget

    init(values: [String: Any], budget: Budget) {
        var folded: [String: Any] = [:]
        // Sorted so that when a producer writes both spellings, the same one wins on every run.
        for key in values.keys.sorted() where folded[key.lowercased()] == nil {
            folded[key.lowercased()] = values[key]
        }
        self.values = folded
        self.budget = budget
    }

    /// Whether any of these (lower-case) keys is present.
    func hasAny(of keys: Set<String>) -> Bool {
        !keys.isDisjoint(with: values.keys)
    }

    /// A string, or a number written as one; empty strings are absent.
    func string(_ key: String) -> String? {
        let raw: String
        switch values[key] {
        case let text as String: raw = text
        case let number as Int: raw = String(number)
        case let number as Double:
            // `"version": 3.0` is version 3, not "3.0".
            raw = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        default: return nil
        }
        guard !raw.isEmpty else { return nil }
        guard raw.utf8.count > budget.maxFieldBytes else { return raw }
        budget.truncated += 1
        var cut = ""
        var bytes = 0
        for character in raw {
            bytes += character.utf8.count
            if bytes > budget.maxFieldBytes { break }
            cut.append(character)
        }
        return cut
    }

    func object(_ key: String) -> NinjsObject? {
        (values[key] as? [String: Any]).map { NinjsObject(values: $0, budget: budget) }
    }

    /// An array of objects; a single object counts as an array of one.
    func objects(_ key: String) -> [NinjsObject] {
        if let single = object(key) { return [single] }
        return (values[key] as? [Any] ?? []).compactMap {
            ($0 as? [String: Any]).map { NinjsObject(values: $0, budget: budget) }
        }
    }

    /// Named objects: a 1.x object of objects (`{"featureimage": {…}}`) or a 2.x array whose objects
    /// carry their `name`; returned in document order for arrays, by name for objects.
    func namedObjects(_ key: String) -> [(name: String?, object: NinjsObject)] {
        if let map = values[key] as? [String: Any] {
            return map.keys.sorted().compactMap { name in
                (map[name] as? [String: Any]).map { (name, NinjsObject(values: $0, budget: budget)) }
            }
        }
        return objects(key).map { ($0.string("name"), $0) }
    }

    /// Strings, from an array of strings or one string.
    func strings(_ key: String) -> [String] {
        if let one = values[key] as? String { return one.isEmpty ? [] : [one] }
        return (values[key] as? [Any] ?? []).compactMap { $0 as? String }.filter { !$0.isEmpty }
    }
}
