import KubeYAML
import Testing

/// `JSONValue` rendering: escapes and layout, byte for byte.
struct JSONValueTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let value = JSONValue.string("a\"b\\c\nd\re\tf\u{01}g\u{1F}")
        #expect(value.rendered() == #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
    }

    @Test func escapesLineAndParagraphSeparatorsAndKeepsOtherUnicode() {
        let value = JSONValue.string("é\u{2028}ü\u{2029}😀\u{2027}")
        #expect(value.rendered() == "\"é\\u2028ü\\u2029😀\u{2027}\"")
    }

    @Test func prettyPrintsOneKeyPerLineWithTwoSpaceIndents() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .null, .bool(true)])), ("b", .object([])), ("c", .double(2.5)), ("d", .array([])),
        ])
        #expect(value.rendered(pretty: true) == """
            {
              "a": [
                1,
                null,
                true
              ],
              "b": {},
              "c": 2.5,
              "d": []
            }
            """)
        #expect(value.rendered() == #"{"a":[1,null,true],"b":{},"c":2.5,"d":[]}"#)
    }
}
