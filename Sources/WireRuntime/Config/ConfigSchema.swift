/// The JSON Schema (draft 2020-12) of `pipeline.json`, generated from `ConfigSpec.pipeline` so that
/// editors check exactly what `wirefeed check` checks (less the cross-references a schema cannot
/// express: unique names, rules naming existing sinks, distinct folders).
public enum ConfigSchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The text shipped as `pipeline.schema.json`: deterministic, pretty, sorted keys, final newline.
    public static func jsonText() -> String {
        document(for: .pipeline).render() + "\n"
    }

    public static func document(for spec: ConfigSpec) -> JSONLiteral {
        var writer = SchemaWriter(spec: spec)
        var root = writer.objectSchema(spec.root, tag: nil)
        for definition in spec.definitions {
            writer.definitions[definition.name] = .object(writer.valueSchema(definition.value))
        }
        root["$schema"] = .string(dialect)
        root["$defs"] = .object(writer.definitions)
        return .object(root)
    }

    /// Walks the description once, collecting each union variant as a definition of its own.
    private struct SchemaWriter {
        let spec: ConfigSpec
        var definitions: [String: JSONLiteral] = [:]

        mutating func valueSchema(_ value: ConfigSpec.Value) -> [String: JSONLiteral] {
            switch value {
            case .string(let format):
                return format.schemaKeywords.merging(["type": .string("string")]) { $1 }
            case .integer(let minimum):
                return ["type": .string("integer"), "minimum": .integer(minimum)]
            case .boolean:
                return ["type": .string("boolean")]
            case .scalar:
                return ["type": .array(["string", "number", "boolean", "null"].map(JSONLiteral.string))]
            case .array(let element, let minItems):
                var schema: [String: JSONLiteral] = ["type": .string("array"), "items": .object(valueSchema(element))]
                if minItems > 0 { schema["minItems"] = .integer(minItems) }
                return schema
            case .stringMap:
                return ["type": .string("object"), "additionalProperties": .object(["type": .string("string")])]
            case .object(let object):
                return objectSchema(object, tag: nil)
            case .taggedUnion(let union):
                let references = addVariants(union.variants, tagKey: union.tagKey)
                // The enum beside oneOf lets an editor say "unknown type" instead of "matches no variant".
                return [
                    "type": .string("object"),
                    "required": .array([.string(union.tagKey)]),
                    "properties": .object([union.tagKey: .object(["enum": .array(union.variants.map { JSONLiteral.string($0.tag) })])]),
                    "oneOf": .array(references),
                ]
            case .keyedUnion(let union):
                return ["description": .string("A \(union.title)."), "oneOf": .array(addVariants(union.variants, tagKey: nil))]
            case .reference(let name):
                return ["$ref": .string("#/$defs/\(name)")]
            case .tag:
                return ["type": .string("string")]
            }
        }

        private mutating func addVariants(_ variants: [ConfigSpec.Variant], tagKey: String?) -> [JSONLiteral] {
            variants.map { variant in
                definitions[variant.definitionName] = .object(objectSchema(variant.object, tag: tagKey.map { ($0, variant.tag) }))
                return .object(["$ref": .string("#/$defs/\(variant.definitionName)")])
            }
        }

        /// `tag`: the discriminating key and its value when the object is a tagged union's variant.
        mutating func objectSchema(_ object: ConfigSpec.Object, tag: (key: String, value: String)?) -> [String: JSONLiteral] {
            var properties: [String: JSONLiteral] = [:]
            var required: [JSONLiteral] = []
            for key in object.keys {
                var property: [String: JSONLiteral]
                if let tag, key.name == tag.key {
                    property = ["const": .string(tag.value)]
                } else {
                    property = valueSchema(key.value)
                    property["description"] = .string(key.doc)
                }
                switch key.requirement {
                case .required: required.append(.string(key.name))
                case .optional: break
                case .defaulted(let literal): property["default"] = literal
                }
                properties[key.name] = .object(property)
            }
            var schema: [String: JSONLiteral] = [
                "type": .string("object"),
                "title": .string(object.title),
                "properties": .object(properties),
                "additionalProperties": .bool(false),
            ]
            if !object.doc.isEmpty { schema["description"] = .string(object.doc) }
            if !required.isEmpty { schema["required"] = .array(required) }
            if !object.exactlyOneOf.isEmpty {
                schema["oneOf"] = .array(object.exactlyOneOf.map { (key: String) -> JSONLiteral in .object(["required": .array([.string(key)])]) })
            }
            return schema
        }
    }
}
