@testable import KubeSchema
import Testing

@Suite struct ParserAndFormatTests {
    @Test func parsesNestedJSONWithEscapes() throws {
        let value = try JSONParser.parse(Array(#"{"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00\n"}"#.utf8)).get()
        #expect(value["a"]?.array?.count == 4)
        #expect(value["a"]?.array?[1] == .number(-2500, text: "-2.5e3"))
        #expect(value["b"]?.string == "x\"é😀\n")
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"\u{01}\"", "1 2", "{\"a\":1,}"])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)).get() }
    }

    @Test func rejectsNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)).get() }
    }

    @Test(arguments: ["1", "500m", "1.5Gi", "128Mi", "1e3", "2E-2", "+1k", "-0.5", ".5", "1Ei", "100n"])
    func acceptsQuantities(_ text: String) {
        #expect(ScalarFormats.isQuantity(text))
    }

    @Test(arguments: ["", "1 GB", "1GB", "Gi", "1.2.3", "1e", "1Kib", "ten", "1mi"])
    func rejectsNonQuantities(_ text: String) {
        #expect(!ScalarFormats.isQuantity(text))
    }

    @Test func base64FollowsGoStandardEncoding() {
        #expect(ScalarFormats.base64ErrorOffset("aGVsbG8=") == nil)
        #expect(ScalarFormats.base64ErrorOffset("aGVs\nbG8=") == nil)
        #expect(ScalarFormats.base64ErrorOffset("") == nil)
        #expect(ScalarFormats.base64ErrorOffset("aGVsbG8") != nil)
        #expect(ScalarFormats.base64ErrorOffset("aGV=bG8=") == 4)
        #expect(ScalarFormats.base64ErrorOffset("hello!") == 5)
    }

    @Test func suggestionsPreferCaseInsensitiveThenCloseNames() {
        #expect(Suggestions.closest(to: "imagePullpolicy", in: ["image", "imagePullPolicy"]) == "imagePullPolicy")
        #expect(Suggestions.closest(to: "protectionDoamin", in: ["protectionDomain", "gateway"]) == "protectionDomain")
        #expect(Suggestions.closest(to: "zzz", in: ["image", "name"]) == nil)
    }
}
