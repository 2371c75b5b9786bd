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
}
