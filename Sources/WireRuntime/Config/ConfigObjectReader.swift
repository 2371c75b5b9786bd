/// Reads the keys of one object of a config that has passed validation, falling back to the
/// defaults `ConfigSpec` declares, so a default is written down in exactly one place.
///
/// Accessors return nil for a key that is absent without a default (or, which validation rules out,
/// has the wrong type); `required` turns that into an issue rather than a crash.
struct ConfigObjectReader {
    let json: ConfigJSON
    let object: ConfigSpec.Object
    let path: String
    let baseDirectory: String

    private func defaultValue(_ key: String) -> JSONLiteral? {
        guard let spec = object.key(key), case .defaulted(let literal) = spec.requirement else { return nil }
        return literal
    }

    func string(_ key: String) -> String? {
        if let written = json[key] { return written.string }
        if case .string(let string)? = defaultValue(key) { return string }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if let written = json[key] {
            guard case .number(let literal) = written.value else { return nil }
            return Int(literal)
        }
        if case .integer(let integer)? = defaultValue(key) { return integer }
        return nil
    }

    func bool(_ key: String) -> Bool? {
        if let written = json[key] {
            guard case .bool(let bool) = written.value else { return nil }
            return bool
        }
        if case .bool(let bool)? = defaultValue(key) { return bool }
        return nil
    }

    func duration(_ key: String) -> Duration? {
        string(key).flatMap { try? DurationParser.parse($0) }
    }

    /// Absolute and standardized, resolved against the config file's folder.
    func path(_ key: String) -> String? {
        string(key).map { ConfigPathResolver.resolve($0, against: baseDirectory) }
    }

    func strings(_ key: String) -> [String]? {
        if let written = json[key] { return written.elements?.compactMap(\.string) }
        if case .array(let elements)? = defaultValue(key) {
            return elements.compactMap { if case .string(let string) = $0 { string } else { nil } }
        }
        return nil
    }

    func stringMap(_ key: String) -> [String: String]? {
        if let written = json[key] {
            guard let members = written.members else { return nil }
            // Validation rejects duplicate keys; should one slip through, the last one wins, as in most readers.
            return Dictionary(members.compactMap { member in member.value.string.map { (member.key, $0) } }, uniquingKeysWith: { $1 })
        }
        if case .object(let members)? = defaultValue(key) {
            return members.compactMapValues { if case .string(let string) = $0 { string } else { nil } }
        }
        return nil
    }

    /// A reader for the object under `key`, described by `spec`.
    func child(_ key: String, _ spec: ConfigSpec.Object) -> ConfigObjectReader? {
        guard let value = json[key], value.members != nil else { return nil }
        return ConfigObjectReader(json: value, object: spec, path: ConfigJSONPath.member(path, key), baseDirectory: baseDirectory)
    }

    /// The value, or an error naming the key: validation guarantees required keys, so reaching the
    /// error means the description and this reader disagree.
    func required<Value>(_ value: Value?, _ key: String) throws(ConfigError) -> Value {
        guard let value else {
            throw ConfigError(issues: [ConfigIssue(path: ConfigJSONPath.member(path, key), message: "missing after validation (a WireFeed bug)")])
        }
        return value
    }
}
