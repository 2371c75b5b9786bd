import Foundation
import Testing
@testable import WireModel

@Suite struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControls() throws {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.string("say \"hi\"\\ \n\t\r\u{01} é “curly” \u{2028}")
        w.key("b"); w.null()
        w.key("c"); w.strings(["x", "y"])
        w.key("d"); w.int(-3)
        w.key("e"); w.double(0.5)
        w.endObject()
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"a":"say \"hi\"\\ \n\t\r\u0001 é “curly” "#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any])
        #expect(object["a"] as? String == "say \"hi\"\\ \n\t\r\u{01} é “curly” \u{2028}")
        #expect(object["b"] is NSNull)
        #expect(object["c"] as? [String] == ["x", "y"])
        #expect(object["d"] as? Int == -3)
        #expect(object["e"] as? Double == 0.5)
    }

    @Test func nestedContainersGetCommasRight() {
        var w = JSONWriter()
        w.beginArray()
        w.beginObject(); w.key("k"); w.beginArray(); w.int(1); w.int(2); w.endArray(); w.endObject()
        w.beginObject(); w.endObject()
        w.beginArray(); w.endArray()
        w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"[{"k":[1,2]},{},[]]"#)
    }

    /// The writer tests eight bytes at a time: each byte that needs escaping, at every offset of a
    /// string longer than two words, must come out as the byte-by-byte definition says.
    @Test func everyEscapeAtEveryOffsetMatchesTheByteByByteDefinition() throws {
        let specials: [UInt8] = Array(0x00..<0x20) + [UInt8(ascii: "\""), UInt8(ascii: "\\")]
        for special in specials {
            for offset in 0..<21 {
                var bytes = Array("abcdefghijklmnopqrstu".utf8)
                bytes[offset] = special
                let text = String(decoding: bytes, as: UTF8.self)
                var w = JSONWriter()
                w.string(text)
                #expect(w.bytes == Self.quoted(text), "byte \(special) at \(offset)")
            }
        }
        var w = JSONWriter()
        let long = String(repeating: "Plain text, no escapes: é “curly” 新聞. ", count: 20)
        w.string(long)
        #expect(w.bytes == Self.quoted(long))
    }

    /// The JSON string for `text`, escaped one byte at a time.
    private static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }
}
