import KubeModel
import KubeYAML
import Testing

@testable import KubePlan

/// The report buffer writes exactly what the `String` functions it replaces return.
@Suite struct RenderBufferTests {
    /// Values with every escaped character, multi-byte characters around them, and the E2 lead byte of both
    /// escaped separators and of characters that are not escaped (`€`).
    static let samples = [
        "", "web-7d4b9c", "<script>\"x\" & 'y'</script>", "&&", "a\"b", "'", "café <b>", "e\u{301}&",
        "line\nbreak\ttab\r\n", "\u{0}\u{1F}", "back\\slash", "sep\u{2028}para\u{2029}", "€ 10", "\u{E2}",
        "🙂&🙂", "ends with <",
    ]

    static func written(_ body: (inout RenderBuffer) -> Void) -> String {
        var out = RenderBuffer(capacity: 0)
        body(&out)
        return out.text
    }

    @Test(arguments: samples) func htmlIsEscapedAsHTMLTextEscapes(_ text: String) {
        #expect(Self.written { $0.writeHTML(text) } == HTMLText.escape(text))
    }

    @Test(arguments: samples) func jsonStringsAreWrittenAsJSONValueWritesThem(_ text: String) {
        var expected: [UInt8] = []
        JSONValue.writeString(text, to: &expected)
        #expect(Self.written { $0.writeJSON(text) } == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min])
    func integersAreWrittenAsStringWritesThem(_ value: Int) {
        #expect(Self.written { $0.write(value) } == String(value))
    }

    @Test(arguments: ["0.0.0.0", "10.244.1.2", "255.255.255.255", "fd00:10:244:1::2", "::1"])
    func addressesAreWrittenAsTheirDescription(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(Self.written { $0.write(address) } == address.description)
    }

    @Test(arguments: ["", "n1", "default/web-0", "café", "e\u{301}", "a\r\nb", "🙂x"])
    func characterCountIsTheGraphemeCount(_ text: String) {
        #expect(RenderBuffer.characterCount(text) == text.count)
    }
}

@Suite struct PlanTextPaddingTests {
    @Test func podKeysArePaddedByCharactersNotBytes() {
        let text = PlanTextRenderer.render(plan(node("n1") + pod("café") + pod("ab")))
        #expect(text.contains("\n  default/ab    10.244.0.2\n"))
        #expect(text.contains("\n  default/café  10.244.0.3\n"))
    }
}
