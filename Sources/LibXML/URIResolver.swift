import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 3986 reference resolution through libxml2's `xmlBuildURI`.
public enum URIResolver {
    /// `reference` resolved against `base`; `reference` unchanged when there is no base, nil when libxml2
    /// cannot make sense of the pair.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        guard let base, !base.isEmpty else { return reference }
        guard let built = xmlBuildURI(reference, base) else { return nil }
        // libxml2's default allocator is malloc; `xmlFree` itself is a C global Swift 6 rejects.
        defer { free(built) }
        return String(cString: built)
    }
}
