import CLibXML2

/// HTML 4's named entities as libxml2 entity records, for the SAX `getEntity` callback.
///
/// libxml2 wants an `xmlEntityPtr` that outlives the reference, so the records live in a private
/// document's internal subset and are freed with it. Each value is a single character (or none), so
/// resolving one can never amplify. Unknown names get a record whose text is the reference itself.
final class HTMLEntityTable {
    private let doc: xmlDocPtr?

    init() {
        doc = xmlNewDoc(Self.xmlVersion)
        if let doc { _ = xmlCreateIntSubset(doc, Self.subsetName, nil, nil) }
    }

    deinit {
        if let doc { xmlFreeDoc(doc) }
    }

    func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        guard let doc else { return nil }
        if let cached = xmlGetDocEntity(doc, name) { return cached }
        guard let description = htmlEntityLookup(name),
              let scalar = Unicode.Scalar(description.pointee.value)
        else { return nil }
        // `&`, `<`, `>`, quotes are predefined XML entities and never reach here, so the value is
        // well-formed character data on its own.
        let value = Array(String(Character(scalar)).utf8) + [0]
        return value.withUnsafeBufferPointer { buffer in
            xmlAddDocEntity(doc, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil, buffer.baseAddress)
        }
    }

    /// An entity whose replacement text is the reference itself, escaped (`&amp;foo;`), so that libxml2
    /// delivers `&foo;` as character data. Its length is the name's, so it cannot amplify either.
    func literal(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        guard let doc else { return nil }
        if let cached = xmlGetDocEntity(doc, name) { return cached }
        let value = Array("&amp;\(String(cString: name));".utf8) + [0]
        return value.withUnsafeBufferPointer { buffer in
            xmlAddDocEntity(doc, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil, buffer.baseAddress)
        }
    }

    // StaticString storage is static, so these pointers never dangle.
    private static var xmlVersion: UnsafePointer<xmlChar> { ("1.0" as StaticString).utf8Start }
    private static var subsetName: UnsafePointer<xmlChar> { ("entities" as StaticString).utf8Start }
}
