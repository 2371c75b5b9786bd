/// The one description of `pipeline.json`: every object's keys with their shapes, whether they are
/// required, their defaults and their documentation.
///
/// `ConfigValidator` checks a config against it (unknown keys, missing keys, types, enumerations,
/// formats), `ConfigSchema` turns it into the shipped JSON Schema, and `ConfigLoader` takes its
/// defaults from it; so `wirefeed check`, editors and the docs cannot disagree (the Benthos lesson).
/// The description itself is `ConfigSpec.pipeline`.
public struct ConfigSpec: Sendable {
    /// The shape a JSON value must have.
    public indirect enum Value: Sendable {
        case string(StringFormat)
        case integer(minimum: Int)
        case boolean
        /// Any string, number, boolean or null: the operand of a route condition.
        case scalar
        case array(of: Value, minItems: Int)
        /// An object whose keys are free and whose values are strings (HTTP headers).
        case stringMap
        case object(Object)
        /// Objects told apart by the value of one key (`"type": "file"`).
        case taggedUnion(TaggedUnion)
        /// Objects told apart by which key they have (`{"all": …}` versus `{"field": …}`).
        case keyedUnion(KeyedUnion)
        /// A named entry of `definitions`, for shapes that contain themselves.
        case reference(String)
        /// The discriminating key of a tagged union's variant; its value is checked by the union.
        case tag
    }

    public enum Requirement: Sendable {
        case required
        /// May be left out; leaving it out means something the key's documentation says.
        case optional
        /// May be left out, meaning this value.
        case defaulted(JSONLiteral)
    }

    public struct Key: Sendable {
        public var name: String
        public var value: Value
        public var requirement: Requirement
        public var doc: String

        public init(_ name: String, _ value: Value, _ requirement: Requirement, doc: String) {
            self.name = name
            self.value = value
            self.requirement = requirement
            self.doc = doc
        }
    }

    public struct Object: Sendable {
        /// What the object is, as messages name it ("file sink"); also the schema's title.
        public var title: String
        public var doc: String
        public var keys: [Key]
        /// Keys of which exactly one must be present (a field condition's test).
        public var exactlyOneOf: [String]

        public init(title: String, doc: String, keys: [Key], exactlyOneOf: [String] = []) {
            self.title = title
            self.doc = doc
            self.keys = keys
            self.exactlyOneOf = exactlyOneOf
        }

        public func key(_ name: String) -> Key? { keys.first(where: { $0.name == name }) }
    }

    public struct Variant: Sendable {
        /// The tag value (tagged union) or the telling key (keyed union).
        public var tag: String
        /// The name of the variant's entry in the schema's `$defs`.
        public var definitionName: String
        public var object: Object

        public init(tag: String, definitionName: String, object: Object) {
            self.tag = tag
            self.definitionName = definitionName
            self.object = object
        }
    }

    public struct TaggedUnion: Sendable {
        public var tagKey: String
        /// How an unknown tag is named in a message: `unknown stage "shred"`.
        public var tagNoun: String
        public var variants: [Variant]

        public init(tagKey: String, tagNoun: String, variants: [Variant]) {
            self.tagKey = tagKey
            self.tagNoun = tagNoun
            self.variants = variants
        }

        public func variant(_ tag: String) -> Variant? { variants.first(where: { $0.tag == tag }) }
    }

    public struct KeyedUnion: Sendable {
        /// What the union is, for messages and the schema ("a route condition").
        public var title: String
        public var variants: [Variant]

        public init(title: String, variants: [Variant]) {
            self.title = title
            self.variants = variants
        }
    }

    public var root: Object
    /// Shapes referred to by `.reference(name)`, in the order the schema lists them.
    public var definitions: [(name: String, value: Value)]

    public init(root: Object, definitions: [(name: String, value: Value)]) {
        self.root = root
        self.definitions = definitions
    }

    public func definition(_ name: String) -> Value? { definitions.first(where: { $0.name == name })?.value }
}
