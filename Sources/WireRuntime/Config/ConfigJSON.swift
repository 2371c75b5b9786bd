/// A JSON value as written in a config file: object members keep their order and duplicates, numbers
/// keep their literal, and every value knows where it starts and ends, so issues can be reported in
/// document order. (`JSONSerialization` loses all three.)
struct ConfigJSON: Sendable {
    enum Value: Sendable {
        case object([Member])
        case array([ConfigJSON])
        case string(String)
        /// The literal as written, so `5` and `5.0` can be told apart and large integers stay exact.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member: Sendable {
        var key: String
        var value: ConfigJSON
    }

    var value: Value
    /// Byte offset of the value's first character.
    var offset: Int
    /// Byte offset just past the value; an issue about a key an object lacks sorts here.
    var endOffset: Int

    /// "an object", "a string", …: what a message says the value was.
    var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    var elements: [ConfigJSON]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    var string: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// The first member named `key`; duplicates are reported by the validator, not resolved here.
    subscript(key: String) -> ConfigJSON? {
        members?.first(where: { $0.key == key })?.value
    }
}
