/// Checks a parsed config against `ConfigSpec`: unknown and duplicate keys, missing keys, types,
/// enumerations, tags and string formats. Reports everything, never stops at the first issue.
struct ConfigValidator {
    private let spec: ConfigSpec
    private(set) var issues = ConfigIssueList()

    private init(spec: ConfigSpec) {
        self.spec = spec
    }

    static func validate(_ root: ConfigJSON, against spec: ConfigSpec) -> ConfigIssueList {
        var validator = ConfigValidator(spec: spec)
        guard root.members != nil else {
            validator.issues.add("expected a JSON object at the top level, got \(root.kindDescription)", at: "", offset: root.offset)
            return validator.issues
        }
        validator.check(root, against: .object(spec.root), at: "")
        return validator.issues
    }

    private mutating func check(_ json: ConfigJSON, against shape: ConfigSpec.Value, at path: String) {
        switch shape {
        case .string(let format):
            guard let string = json.string else {
                return report("expected \(format.expectedNoun), got \(json.kindDescription)", at: path, json)
            }
            if let problem = format.problem(with: string) { report(problem, at: path, json) }
        case .integer(let minimum):
            guard case .number(let literal) = json.value, let integer = Int(literal) else {
                let got = if case .number(let literal) = json.value { literal } else { json.kindDescription }
                return report("expected a whole number, got \(got)", at: path, json)
            }
            if integer < minimum { report("must be at least \(minimum), got \(integer)", at: path, json) }
        case .boolean:
            guard case .bool = json.value else {
                return report("expected true or false, got \(json.kindDescription)", at: path, json)
            }
        case .scalar:
            if json.members != nil || json.elements != nil {
                report("expected a string, number, boolean or null, got \(json.kindDescription)", at: path, json)
            }
        case .array(let elementShape, let minItems):
            guard let elements = json.elements else {
                return report("expected an array, got \(json.kindDescription)", at: path, json)
            }
            if elements.count < minItems {
                report("must list at least \(minItems) \(minItems == 1 ? "entry" : "entries")", at: path, json)
            }
            for (index, element) in elements.enumerated() {
                check(element, against: elementShape, at: ConfigJSONPath.element(path, index))
            }
        case .stringMap:
            guard let members = json.members else {
                return report("expected an object of strings, got \(json.kindDescription)", at: path, json)
            }
            reportDuplicateKeys(members, at: path)
            for member in members where member.value.string == nil {
                report("expected a string, got \(member.value.kindDescription)", at: ConfigJSONPath.member(path, member.key), member.value)
            }
        case .object(let object):
            checkObject(json, object, at: path, variantOf: nil)
        case .taggedUnion(let union):
            checkTaggedUnion(json, union, at: path)
        case .keyedUnion(let union):
            checkKeyedUnion(json, union, at: path)
        case .reference(let name):
            guard let definition = spec.definition(name) else {
                return report("the config description has no definition named \(name)", at: path, json)
            }
            check(json, against: definition, at: path)
        case .tag:
            break
        }
    }

    private mutating func checkTaggedUnion(_ json: ConfigJSON, _ union: ConfigSpec.TaggedUnion, at path: String) {
        guard json.members != nil else {
            return report("expected an object, got \(json.kindDescription)", at: path, json)
        }
        let tags = union.variants.map(\.tag).joined(separator: ", ")
        let tagPath = ConfigJSONPath.member(path, union.tagKey)
        guard let tagValue = json[union.tagKey] else {
            return issues.add("required; expected one of \(tags)", at: tagPath, offset: json.endOffset - 1)
        }
        guard let tag = tagValue.string else {
            return report("expected one of \(tags), got \(tagValue.kindDescription)", at: tagPath, tagValue)
        }
        guard let variant = union.variant(tag) else {
            return report("unknown \(union.tagNoun) \(JSONLiteral.string(tag).render()); expected one of \(tags)", at: tagPath, tagValue)
        }
        checkObject(json, variant.object, at: path, variantOf: union.variants)
    }

    private mutating func checkKeyedUnion(_ json: ConfigJSON, _ union: ConfigSpec.KeyedUnion, at path: String) {
        let tags = union.variants.map(\.tag).joined(separator: ", ")
        guard let members = json.members else {
            return report("expected a \(union.title): an object with one of \(tags), got \(json.kindDescription)", at: path, json)
        }
        let chosen = members.lazy.compactMap { member in union.variants.first(where: { $0.tag == member.key }) }.first
        guard let variant = chosen else {
            return report("expected a \(union.title): an object with one of \(tags)", at: path, json)
        }
        checkObject(json, variant.object, at: path, variantOf: nil)
    }

    /// `variantOf`: the union an object is a variant of, so that a key belonging to a sibling variant
    /// gets a message saying so and a missing key says which variant needs it.
    private mutating func checkObject(
        _ json: ConfigJSON, _ object: ConfigSpec.Object, at path: String, variantOf siblings: [ConfigSpec.Variant]?
    ) {
        guard let members = json.members else {
            return report("expected an object, got \(json.kindDescription)", at: path, json)
        }
        reportDuplicateKeys(members, at: path)
        let allowed = object.keys.map(\.name).joined(separator: ", ")
        let titled = Self.withArticle(object.title)
        for member in members {
            let memberPath = ConfigJSONPath.member(path, member.key)
            if let key = object.key(member.key) {
                check(member.value, against: key.value, at: memberPath)
            } else if siblings?.contains(where: { $0.object.key(member.key) != nil }) == true {
                report("not used by \(titled); expected one of \(allowed)", at: memberPath, member.value)
            } else {
                report("unknown key; expected one of \(allowed)", at: memberPath, member.value)
            }
        }
        for key in object.keys {
            guard case .required = key.requirement, json[key.name] == nil else { continue }
            let context = siblings == nil ? "" : " for \(titled)"
            issues.add("required\(context)", at: ConfigJSONPath.member(path, key.name), offset: json.endOffset - 1)
        }
        if !object.exactlyOneOf.isEmpty {
            let present = members.filter { object.exactlyOneOf.contains($0.key) }
            if present.isEmpty {
                let tests = object.exactlyOneOf.joined(separator: ", ")
                report("needs one test beside \(object.keys.first?.name ?? "its key"); expected one of \(tests)", at: path, json)
            }
            for extra in present.dropFirst() {
                report(#"only one test per condition; combine conditions with "all""#,
                       at: ConfigJSONPath.member(path, extra.key), extra.value)
            }
        }
    }

    private mutating func reportDuplicateKeys(_ members: [ConfigJSON.Member], at path: String) {
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            report("duplicate key; each key may appear once", at: ConfigJSONPath.member(path, member.key), member.value)
        }
    }

    private mutating func report(_ message: String, at path: String, _ json: ConfigJSON) {
        issues.add(message, at: path, offset: json.offset)
    }

    static func withArticle(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }
}
