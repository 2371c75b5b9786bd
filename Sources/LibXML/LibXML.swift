import CLibXML2

/// Process-wide libxml2 setup. Everything that touches libxml2 pointers lives in this module.
public enum LibXML {
    /// Call early at startup (parsers also call it, so forgetting it is harmless): libxml2's global
    /// init is not safe to race.
    public static func initialize() {
        _ = initialized
    }

    /// Runs `xmlInitParser` exactly once per process, whichever parser is created first: Swift
    /// initialises a static `let` under a once-lock, so two threads cannot race into libxml2's setup.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The linked libxml2 version, e.g. "20914", for `wirefeed --version` and bug reports.
    public static var version: String {
        guard let v = __xmlParserVersion()?.pointee else { return "unknown" }
        return String(cString: v)
    }
}
