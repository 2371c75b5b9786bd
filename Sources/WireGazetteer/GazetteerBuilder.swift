/// Turns the generated table rows into the gazetteer's two indexes.
@usableFromInline struct GazetteerBuilder {
    var byKey: [String: [GazetteerEntry]] = [:]
    var byAcronym: [String: [GazetteerEntry]] = [:]
    var maxNameWords = 1

    /// "US", "WHO", "U.N.": short forms written in capitals, matched only as written.
    @inlinable static func isAcronymForm(_ surface: some StringProtocol) -> Bool {
        // ASCII text on its bytes: capitals and digits, full stops and hyphens not counted.
        var letters = 0
        for byte in surface.utf8 {
            if byte >= 0x80 { return isAcronymForm(characters: surface) }
            if byte == 0x2E || byte == 0x2D { continue }
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) else {
                return surface.utf8.contains { $0 >= 0x80 } ? isAcronymForm(characters: surface) : false
            }
            letters += 1
        }
        return letters >= 1 && letters <= 5
    }

    @usableFromInline static func isAcronymForm(characters surface: some StringProtocol) -> Bool {
        let letters = surface.filter { $0 != "." && $0 != "-" }
        return !letters.isEmpty && letters.count <= 5 && letters.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    mutating func addCountry(_ row: [Substring]) {
        guard row.count >= 4 else { return }
        let code = String(row[0])
        let entry = GazetteerEntry(kind: .country, name: String(row[1]), id: "iso3166:\(code)", countryCode: code)
        byKey["iso3166:" + code.lowercased(), default: []].append(entry)
        for name in row[2].split(separator: "|") { add(name, entry) }
        for demonym in row[3].split(separator: "|") { add(demonym, entry.asDemonym()) }
    }

    mutating func addCity(_ row: [Substring]) {
        guard row.count >= 4 else { return }
        let entry = GazetteerEntry(kind: .city, name: String(row[0]), id: "geonames:\(row[2])", countryCode: String(row[1]))
        add(row[0], entry)
        for alias in row[3].split(separator: "|") { add(alias, entry) }
    }

    mutating func addRegion(_ row: [Substring]) {
        guard row.count >= 2 else { return }
        let name = String(row[0])
        let entry = GazetteerEntry(
            kind: .region, name: name, id: "region:" + NameNormalizer.literalKey(name).replacingOccurrences(of: " ", with: "-"),
            countryCode: row[1].isEmpty ? nil : String(row[1]))
        add(row[0], entry)
    }

    mutating func addOrganization(_ row: [Substring]) {
        guard row.count >= 5 else { return }
        let kind: GazetteerEntry.Kind = row[0] == "agency" ? .agency : .organization
        let name = String(row[1])
        let aliases = row[3].split(separator: "|").map(String.init)
        let acronym = row[2].isEmpty ? nil : String(row[2])
        // The short form an agency signs with: its acronym, else its shortest alias ("Yonhap").
        let short = acronym ?? aliases.filter { !$0.contains(" ") }.min { $0.count < $1.count }
        let entry = GazetteerEntry(
            kind: kind, name: name, id: "org:" + NameNormalizer.literalKey(name).replacingOccurrences(of: " ", with: "-"),
            countryCode: row[4].isEmpty ? nil : String(row[4]), shortName: short)
        add(row[1], entry)
        if let acronym { add(Substring(acronym), entry) }
        for alias in aliases { add(Substring(alias), entry) }
    }

    private mutating func add(_ name: Substring, _ entry: GazetteerEntry) {
        if Self.isAcronymForm(name) {
            let form = name.filter { $0 != "." }
            if !(byAcronym[form]?.contains(entry) ?? false) { byAcronym[form, default: []].append(entry) }
            return
        }
        let key = NameNormalizer.literalKey(name)
        guard !key.isEmpty else { return }
        if !(byKey[key]?.contains(entry) ?? false) { byKey[key, default: []].append(entry) }
        maxNameWords = max(maxNameWords, key.split(separator: " ").count)
    }
}
