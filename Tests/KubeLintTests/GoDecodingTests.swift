import KubeLint
import Testing

/// Go's base64 and JSON decoding errors as the API server reports them for Secret and ConfigMap data (test
/// vectors worked out from encoding/base64's decodeQuantum and encoding/json's scanner).
struct GoDecodingTests {
    @Test(arguments: [("Zm9vYmFy", 6), ("Zm9vYg==", 4), ("Zm9v\nYmE=", 5), ("", 0)])
    func validBase64DecodesToItsLength(_ text: String, _ length: Int) throws {
        #expect(try GoBase64.decodedLength(text).get() == length)
    }

    @Test func decodedBytesAreTheOriginal() throws {
        #expect(try GoBase64.decode("aGVsbG8=").get() == Array("hello".utf8))
    }

    @Test(arguments: [("Zm9vYg", 4), ("Zm9v!", 4), ("Zm9vY===", 5), ("Zg=", 3), ("Zm9vYg==Zm9v", 8), ("a", 0), ("Zm 9v", 2)])
    func invalidBase64NamesGosOffset(_ text: String, _ offset: Int) {
        guard case .failure(let error) = GoBase64.decodedLength(text) else {
            Issue.record("\(text) decoded")
            return
        }
        #expect(error.offset == offset, "\(text)")
    }

    @Test(arguments: [
        ("{\"auths\":{}}", nil),
        ("null", nil),
        ("", "unexpected end of JSON input"),
        ("{\"auths\": {}", "unexpected end of JSON input"),
        ("[]", "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        ("\"x\"", "json: cannot unmarshal string into Go value of type map[string]interface {}"),
        ("{'a': 1}", "invalid character '\\'' looking for beginning of object key string"),
        ("{\"a\" 1}", "invalid character '1' after object key"),
        ("{\"a\": 1 \"b\": 2}", "invalid character '\"' after object key:value pair"),
        ("{\"a\": [1 2]}", "invalid character '2' after array element"),
        ("{} x", "invalid character 'x' after top-level value"),
        ("{\"a\": tru}", "invalid character '}' in literal true (expecting 'e')"),
        ("{\"a\": -x}", "invalid character 'x' in numeric literal"),
        ("{\"a\": \"\\q\"}", "invalid character 'q' in string escape code"),
        ("auths", "invalid character 'a' looking for beginning of value"),
    ] as [(String, String?)])
    func jsonErrorsUseGosWording(_ text: String, _ expected: String?) {
        #expect(GoJSONCheck.objectError(Array(text.utf8)) == expected, "\(text)")
    }
}
