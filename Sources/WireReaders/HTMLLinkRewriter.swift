/// Resolves the links inside an HTML fragment (`href`, `src`, `srcset`, `poster`, …) against a base and
/// drops the ones with an unsafe scheme (`javascript:`, `vbscript:`, `data:`), touching nothing else.
///
/// A byte-level scanner rather than a parse and re-serialisation: `content_html` stays exactly as the
/// feed gave it apart from those attribute values, and a fragment with nothing to change costs one pass
/// and no copy.
enum HTMLLinkRewriter {
    /// Attributes whose value is one URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "poster", "cite", "action", "formaction", "background", "longdesc", "usemap", "data",
        "codebase", "xlink:href", "lowsrc", "dynsrc", "manifest", "icon", "profile",
    ]

    static func rewrite(_ html: String, base: String?) -> String {
        var bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var scanner = Scanner(base: base)
        guard scanner.run(&bytes) else { return html }
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct Scanner {
        let base: String?
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []

        init(base: String?) {
            self.base = base
        }

        /// Finds the edits and applies them to `bytes`; false when there were none.
        mutating func run(_ bytes: inout [UInt8]) -> Bool {
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "!") {
                    i = starts(bytes, "<!--", at: i) ? skip(bytes, past: "-->", from: i + 4) : skip(bytes, past: ">", from: i)
                } else if next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                    i = skip(bytes, past: ">", from: i)
                } else if isLetter(next) {
                    i = tag(bytes, from: i + 1)
                } else {
                    i += 1
                }
            }
            guard !edits.isEmpty else { return false }
            for edit in edits.reversed() { bytes.replaceSubrange(edit.range, with: edit.replacement) }
            return true
        }

        /// Scans one start tag from its name; returns the index after it (after a script or style
        /// element's raw text, which holds no tags).
        private mutating func tag(_ bytes: [UInt8], from start: Int) -> Int {
            let n = bytes.count
            var i = start
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let name = lowercased(bytes[start..<i])
            while i < n {
                while i < n, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
                guard i < n, bytes[i] != UInt8(ascii: ">") else { break }
                let attributeStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      !(bytes[i] == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                let attribute = lowercased(bytes[attributeStart..<i])
                var j = i
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n else { i = j; break }
                var valueRange: Range<Int>
                if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let quote = bytes[j]
                    var k = j + 1
                    while k < n, bytes[k] != quote { k += 1 }
                    valueRange = (j + 1)..<k
                    i = min(k + 1, n)
                } else {
                    var k = j
                    while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                    valueRange = j..<k
                    i = k
                }
                rewriteAttribute(attribute, element: name, bytes: bytes, whole: attributeStart..<i, value: valueRange)
            }
            let end = min(i + 1, n)
            if name == "script" || name == "style" {
                return skipRawText(bytes, closing: name, from: end)
            }
            return end
        }

        private mutating func rewriteAttribute(_ attribute: String, element: String, bytes: [UInt8],
                                               whole: Range<Int>, value: Range<Int>) {
            let isList = attribute == "srcset"
            guard isList || Self.isURLAttribute(attribute) else { return }
            let raw = HTMLAttributeValue.decode(bytes[value])
            let rewritten = isList ? rewriteSourceSet(raw) : rewriteURL(raw, allowImageData: element == "img"
                                                                            && attribute == "src")
            guard let rewritten else {
                // Drop the whole attribute, name and value, and the space before it.
                let from = whole.lowerBound > 0 && isSpace(bytes[whole.lowerBound - 1]) ? whole.lowerBound - 1
                    : whole.lowerBound
                edits.append((from..<whole.upperBound, []))
                return
            }
            guard rewritten != raw else { return }
            let quoted = Array("\"\(HTMLAttributeValue.escape(rewritten))\"".utf8)
            let quoteBefore = value.lowerBound > 0 && (bytes[value.lowerBound - 1] == UInt8(ascii: "\"")
                                                       || bytes[value.lowerBound - 1] == UInt8(ascii: "'"))
            let range = quoteBefore ? (value.lowerBound - 1)..<min(value.upperBound + 1, bytes.count) : value
            edits.append((range, quoted))
        }

        private static func isURLAttribute(_ name: String) -> Bool {
            urlAttributes.contains(name)
        }

        /// The URL resolved, or nil when it must go. `data:image/…` is allowed on `<img src>`, where a
        /// browser only ever draws it.
        private func rewriteURL(_ raw: String, allowImageData: Bool) -> String? {
            if raw.trimmingWhitespace().isEmpty || (allowImageData && Self.isRasterImageData(raw)) { return raw }
            return LinkPolicy.resolve(raw, base: base)
        }

        /// `srcset="a.jpg 1x, b.jpg 2x"`: each candidate's URL resolved, unsafe candidates left out.
        private func rewriteSourceSet(_ raw: String) -> String? {
            var candidates: [String] = []
            for candidate in raw.split(separator: ",") {
                let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                guard let url = parts.first, let resolved = LinkPolicy.resolve(String(url), base: base) else { continue }
                candidates.append(([resolved] + parts.dropFirst().map(String.init)).joined(separator: " "))
            }
            return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
        }

        private static func isRasterImageData(_ raw: String) -> Bool {
            let lower = raw.trimmingWhitespace().lowercased()
            return ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { lower.hasPrefix($0) }
        }

        // MARK: - Bytes

        private func starts(_ bytes: [UInt8], _ literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
        }

        private func skip(_ bytes: [UInt8], past terminator: StaticString, from index: Int) -> Int {
            let count = terminator.utf8CodeUnitCount
            var i = index
            while i + count <= bytes.count {
                if starts(bytes, terminator, at: i) { return i + count }
                i += 1
            }
            return bytes.count
        }

        private func skipRawText(_ bytes: [UInt8], closing name: String, from index: Int) -> Int {
            let closing = Array("</\(name)".utf8)
            var i = index
            while i + closing.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "<"), lowercased(bytes[i..<(i + closing.count)]) == "</\(name)" { return i }
                i += 1
            }
            return bytes.count
        }

        private func isSpace(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
        }

        private func isLetter(_ c: UInt8) -> Bool {
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }

        private func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
            String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
    }
}
