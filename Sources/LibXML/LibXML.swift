import CLibXML2

/// Process-wide libxml2 setup. Everything that touches libxml2 pointers lives in this module.
public enum LibXML {
    /// Call once, early, on the main thread: libxml2's global init is not safe to race.
    public static func initialize() {
        xmlInitParser()
    }

    /// The linked libxml2 version, e.g. "20914", for `wirefeed --version` and bug reports.
    public static var version: String {
        guard let v = __xmlParserVersion()?.pointee else { return "unknown" }
        return String(cString: v)
    }
}
