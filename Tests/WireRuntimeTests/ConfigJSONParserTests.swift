import Testing
@testable import WireRuntime

@Suite struct ConfigJSONParserTests {
    private func syntaxError(_ text: String) -> ConfigJSONParser.SyntaxError? {
        do {
            _ = try ConfigJSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsMemberOrderAndDuplicates() throws {
        let json = try ConfigJSONParser.parse(Array(#"{"b": 1, "a": [true, null], "b": "x"}"#.utf8))
        #expect(json.members?.map(\.key) == ["b", "a", "b"])
        #expect(json["b"]?.value.numberLiteral == "1")
        #expect(json["a"]?.elements?.count == 2)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let json = try ConfigJSONParser.parse(Array(#""a\"b\\c\/\n\u00e9\ud83d\udcf0""#.utf8))
        #expect(json.string == "a\"b\\c/\né📰")
    }

    @Test func keepsNumberLiterals() throws {
        let json = try ConfigJSONParser.parse(Array("[5, 5.0, -1e3, 123456789012345678]".utf8))
        #expect(json.elements?.map(\.value.numberLiteral) == ["5", "5.0", "-1e3", "123456789012345678"])
    }

    @Test func recordsOffsets() throws {
        let json = try ConfigJSONParser.parse(Array(#"{"k": [1, 22]}"#.utf8))
        let array = try #require(json["k"])
        #expect(array.offset == 6)
        #expect(array.endOffset == 13)
        #expect(array.elements?.last?.offset == 10)
    }

    @Test func reportsLineAndColumn() {
        let error = syntaxError("{\n  \"sinks\": [\n    {\"name\": \"all\"},\n  ]\n}\n")
        #expect(error == ConfigJSONParser.SyntaxError(line: 4, column: 3, message: "unexpected ']'; expected a value"))
    }

    @Test func countsColumnsInCharacters() {
        let error = syntaxError("{\"é\": x}")
        #expect(error?.column == 7)
        #expect(error?.message == "unexpected 'x'; expected a value")
    }

    @Test(arguments: [
        ("", "the file is empty; expected a JSON object"),
        ("{\"a\" 1}", "unexpected '1'; expected ':' after the key \"a\""),
        ("{\"a\": 1 \"b\": 2}", "unexpected '\"'; expected ',' or '}' after the value of \"a\""),
        ("{a: 1}", "unexpected 'a'; expected a key in double quotes"),
        ("[1 2]", "unexpected '2'; expected ',' or ']' after an array element"),
        ("{} {}", "unexpected '{' after the end of the JSON value"),
        ("\"abc", "unexpected end of input inside a string"),
        ("\"a\tb\"", "a control character inside a string; write it as an escape such as \\n"),
        ("\"\\x\"", "unknown escape \\x in a string"),
        ("\"\\ud83d\"", "a \\u escape for a high surrogate is not followed by its low surrogate"),
        ("01", "unexpected '1' after the end of the JSON value"),
        ("1.", "a number needs digits after the decimal point"),
        ("tru", "unexpected end of input; expected true"),
        ("{\"a\": 1,}", "unexpected '}'; expected a key in double quotes"),
    ])
    func describesSyntaxErrors(text: String, message: String) {
        #expect(syntaxError(text)?.message == message)
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array("\"ab\"".utf8)
        bytes.insert(0xC3, at: 2)
        bytes.insert(0x28, at: 3)
        do {
            _ = try ConfigJSONParser.parse(bytes)
            Issue.record("invalid UTF-8 parsed")
        } catch {
            #expect(error.message == "a string before this point is not valid UTF-8")
        }
    }

    @Test func refusesHostileNesting() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(syntaxError(text)?.message == "nested more than 256 levels deep")
    }

    @Test func skipsAByteOrderMark() throws {
        let json = try ConfigJSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(json.members?.isEmpty == true)
    }
}

extension ConfigJSON.Value {
    var numberLiteral: String? {
        if case .number(let literal) = self { return literal }
        return nil
    }
}
