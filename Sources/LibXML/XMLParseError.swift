/// One error reported by libxml2's structured error handler, or by the wrapper's own limits.
public struct XMLParseError: Sendable, Equatable {
    /// libxml2's `xmlParserErrors` code; 0 for the wrapper's own limit errors.
    public var code: Int
    public var line: Int
    public var message: String
    /// True for libxml2 fatal errors and for limits that stopped the parse.
    public var isFatal: Bool
    /// Set for the wrapper's own limits (`text-truncated`, `text-budget`, `stopped`), nil for libxml2 errors.
    public var limit: String?

    public init(code: Int, line: Int, message: String, isFatal: Bool, limit: String? = nil) {
        self.code = code
        self.line = line
        self.message = message
        self.isFatal = isFatal
        self.limit = limit
    }
}
