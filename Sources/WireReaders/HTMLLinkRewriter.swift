#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The same names as bytes, for matching without making a string per attribute.
    private static let urlAttributeBytes: [[UInt8]] = urlAttributes.map { Array($0.utf8) }
    private static let srcsetBytes = Array("srcset".utf8), imgBytes = Array("img".utf8), srcBytes = Array("src".utf8)
    /// Elements whose content is raw text, never tags.
    private static let rawTextElements = ["script", "style"].map { ($0, Array($0.utf8)) }

    static func rewrite(_ html: String, base: String?) -> String {
        var html = html
        let edited: [UInt8]? = html.withUTF8 { buffer in
            guard buffer.contains(UInt8(ascii: "<")) else { return nil }
            var scanner = Scanner(base: base)
            return scanner.run(buffer)
        }
        return edited.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    private struct Scanner {
        let base: String?
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []

        init(base: String?) {
            self.base = base
        }

        /// The fragment with the edits applied, or nil when there were none.
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            var i = 0
            let n = bytes.count
            while i < n {
                // Straight to the next `<`: text between tags is most of a fragment.
                guard let start = bytes.baseAddress, let found = memchr(start + i, 0x3C, n - i) else { break }
                i = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard i + 1 < n else { break }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "!") {
                    i = starts(bytes, "<!--", at: i)
                        ? skip(bytes, past: "-->", from: i + 4) : skip(bytes, past: ">", from: i)
                } else if next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                    i = skip(bytes, past: ">", from: i)
                } else if isLetter(next) {
                    i = tag(bytes, from: i + 1)
                } else {
                    i += 1
                }
            }
            guard !edits.isEmpty else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64 * edits.count)
            var from = 0
            for edit in edits {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<edit.range.lowerBound]))
                out.append(contentsOf: edit.replacement)
                from = edit.range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
            return out
        }

        /// Scans one start tag from its name; returns the index after it (after a script or style
        /// element's raw text, which holds no tags).
        private mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            let n = bytes.count
            var i = start
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let nameRange = start..<i
            while i < n {
                while i < n, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
                guard i < n, bytes[i] != UInt8(ascii: ">") else { break }
                let attributeStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      !(bytes[i] == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                let attribute = attributeStart..<i
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
                rewriteAttribute(attribute, element: nameRange, bytes: bytes, whole: attributeStart..<i,
                                 value: valueRange)
            }
            let end = min(i + 1, n)
            for (raw, spelled) in HTMLLinkRewriter.rawTextElements where matches(bytes, nameRange, spelled) {
                return skipRawText(bytes, closing: raw, from: end)
            }
            return end
        }

        private mutating func rewriteAttribute(_ attribute: Range<Int>, element: Range<Int>,
                                               bytes: UnsafeBufferPointer<UInt8>, whole: Range<Int>,
                                               value: Range<Int>) {
            let isList = matches(bytes, attribute, HTMLLinkRewriter.srcsetBytes)
            guard isList || HTMLLinkRewriter.urlAttributeBytes.contains(where: { matches(bytes, attribute, $0) })
            else { return }
            let raw = HTMLAttributeValue.decode(bytes[value])
            let imageSource = matches(bytes, element, HTMLLinkRewriter.imgBytes)
                && matches(bytes, attribute, HTMLLinkRewriter.srcBytes)
            let rewritten = isList ? rewriteSourceSet(raw) : rewriteURL(raw, allowImageData: imageSource)
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


        /// The URL resolved, or nil when it must go. `data:image/…` is allowed on `<img src>`, where a
        /// browser only ever draws it.
        private func rewriteURL(_ raw: String, allowImageData: Bool) -> String? {
            if raw.trimmingWhitespace().isEmpty || (allowImageData && Self.isRasterImageData(raw)) { return raw }
            return LinkPolicy.resolve(raw, base: base)
        }

        /// `srcset="a.jpg 1x, b.jpg 2x"`: each candidate's URL resolved, unsafe candidates left out.
        private func rewriteSourceSet(_ raw: String) -> String? {
            var candidates: [String] = []
            for parts in Self.sourceSetCandidates(raw) {
                guard let url = parts.first, let resolved = LinkPolicy.resolve(url, base: base) else { continue }
                candidates.append(([resolved] + parts.dropFirst()).joined(separator: " "))
            }
            return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
        }

        /// A `srcset`'s candidates split at commas, each split at spaces, tabs and newlines. ASCII without
        /// CR (every real srcset) is split on bytes, where bytes and Characters are the same thing; anything
        /// else by Character, as ever.
        private static func sourceSetCandidates(_ raw: String) -> [[String]] {
            let isSeparator: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            guard raw.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
                return raw.split(separator: ",").map { candidate in
                    candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
                }
            }
            return raw.utf8.split(separator: UInt8(ascii: ",")).map { candidate in
                candidate.split(whereSeparator: isSeparator).map { String(decoding: $0, as: UTF8.self) }
            }
        }

        private static func isRasterImageData(_ raw: String) -> Bool {
            let lower = raw.trimmingWhitespace().lowercased()
            let raster = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"]
            return raster.contains { lower.hasPrefix($0) }
        }

        // MARK: - Bytes

        /// Whether the bytes in `range` spell `name` (lower-case ASCII), ignoring case.
        private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: [UInt8]) -> Bool {
            guard range.count == name.count else { return false }
            var k = 0
            for index in range {
                let c = bytes[index]
                if (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != name[k] { return false }
                k += 1
            }
            return true
        }

        private func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
        }

        private func skip(_ bytes: UnsafeBufferPointer<UInt8>, past terminator: StaticString, from index: Int) -> Int {
            let count = terminator.utf8CodeUnitCount
            var i = index
            while i + count <= bytes.count {
                if starts(bytes, terminator, at: i) { return i + count }
                i += 1
            }
            return bytes.count
        }

        private func skipRawText(_ bytes: UnsafeBufferPointer<UInt8>, closing name: String, from index: Int) -> Int {
            let closing = Array("</\(name)".utf8)
            var i = index
            while i + closing.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "<"), matches(bytes, i..<(i + closing.count), closing) { return i }
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
    }
}
