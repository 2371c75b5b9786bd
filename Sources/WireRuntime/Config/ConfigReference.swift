/// The Markdown reference of `pipeline.json` for the README, generated from `ConfigSpec.pipeline` like
/// the schema, so the documentation lists exactly the keys `wirefeed check` accepts.
public enum ConfigReference {
    public static func markdown(for spec: ConfigSpec = .pipeline) -> String {
        var writer = ReferenceWriter(spec: spec)
        writer.section(spec.root)
        return writer.text
    }

    private struct ReferenceWriter {
        let spec: ConfigSpec
        var text = ""
        var written: Set<String> = []

        /// One section per object, followed by the objects its keys lead to, each written once.
        mutating func section(_ object: ConfigSpec.Object) {
            guard written.insert(object.title).inserted else { return }
            text += "### \(object.title)\n\n"
            if !object.doc.isEmpty { text += object.doc + "\n\n" }
            text += "| key | value | | |\n|---|---|---|---|\n"
            for key in object.keys {
                let requirement: String = switch key.requirement {
                case .required: "required"
                case .optional: "optional"
                case .defaulted(let literal): "default `\(literal.render().replacingOccurrences(of: "\n", with: ""))`"
                }
                if case .tag = key.value {
                    // A variant's tag key documents itself by its one allowed value.
                    text += "| `\(key.name)` | `\(key.doc)` | \(requirement) | |\n"
                } else {
                    text += "| `\(key.name)` | \(describe(key.value)) | \(requirement) | \(key.doc) |\n"
                }
            }
            if !object.exactlyOneOf.isEmpty {
                text += "\nExactly one of " + object.exactlyOneOf.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
            }
            text += "\n"
            for key in object.keys { follow(key.value) }
        }

        private mutating func follow(_ value: ConfigSpec.Value) {
            switch value {
            case .object(let object): section(object)
            case .array(let element, _): follow(element)
            case .taggedUnion(let union):
                for variant in union.variants { section(variant.object) }
            case .keyedUnion(let union):
                for variant in union.variants { section(variant.object) }
            case .reference(let name):
                guard written.insert("$ref " + name).inserted, let definition = spec.definition(name) else { return }
                follow(definition)
            case .string, .integer, .boolean, .scalar, .stringMap, .tag: break
            }
        }

        private func describe(_ value: ConfigSpec.Value) -> String {
            switch value {
            case .string(let format):
                switch format {
                case .oneOf(let values): values.map { "`\($0)`" }.joined(separator: " or ")
                case .duration: "duration (`90s`, `5m`, `72h`)"
                case .path: "path"
                case .httpURL: "http(s) URL"
                case .postgresURL: "postgresql:// URL"
                case .timeZone: "IANA time zone"
                case .hostPort: "`host:port`"
                case .regularExpression: "regular expression"
                case .itemField: "item field path"
                case .clockRange: "`HH:MM-HH:MM`"
                case .text, .anyString: "string"
                }
            case .integer(let minimum): "integer ≥ \(minimum)"
            case .boolean: "boolean"
            case .scalar: "string, number, boolean or null"
            case .array(let element, _): "array of " + describe(element)
            case .stringMap: "object of strings"
            case .object(let object): object.title
            case .taggedUnion(let union): union.variants.map(\.object.title).joined(separator: " or ")
            case .keyedUnion(let union): union.title
            case .reference(let name):
                if case .object(let object)? = spec.definition(name) { object.title } else { name.replacingOccurrences(of: "_", with: " ") }
            case .tag: "the type"
            }
        }
    }
}
