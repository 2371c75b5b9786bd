/// One attribute of an element, its value with character and entity references decoded.
public struct XMLAttribute: Sendable, Equatable {
    public var name: XMLElementName
    public var value: String

    public init(name: XMLElementName, value: String) {
        self.name = name
        self.value = value
    }
}
