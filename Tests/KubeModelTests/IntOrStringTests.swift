import KubeModel
import KubeYAML
import Testing

@Suite struct IntOrStringTests {
    private func read(_ yaml: String) -> (IntOrString?, [Diagnostic]) {
        let root = YAMLLoader.load(text: yaml).documents[0].root
        var context = DecodeContext(root: root, object: nil)
        return (context.intOrString(root, "port"), context.diagnostics)
    }

    @Test func plainNumberIsInt() { #expect(read("port: 8080").0 == .int(8080)) }
    @Test func quotedNumberIsString() { #expect(read("port: \"8080\"").0 == .string("8080")) }
    @Test func nameIsString() { #expect(read("port: http").0 == .string("http")) }
    @Test func nullIsAbsent() { #expect(read("port: null").0 == nil) }
    @Test func booleanIsAMismatch() {
        let (value, diagnostics) = read("port: true")
        #expect(value == nil)
        #expect(diagnostics.map(\.rule) == ["model-type-mismatch"])
    }
    @Test func percentageRoundsUpForSurge() {
        #expect(IntOrString.string("25%").scaledValue(total: 3, roundUp: true) == 1)
    }
    @Test func percentageRoundsDownForUnavailable() {
        #expect(IntOrString.string("25%").scaledValue(total: 3, roundUp: false) == 0)
    }
    @Test func absoluteValueIgnoresTotal() { #expect(IntOrString.int(2).scaledValue(total: 10, roundUp: true) == 2) }
    @Test func nonPercentStringHasNoScaledValue() {
        #expect(IntOrString.string("abc").scaledValue(total: 10, roundUp: true) == nil)
    }
    @Test func describesAsWritten() { #expect(IntOrString.string("http").description == "http") }
}
