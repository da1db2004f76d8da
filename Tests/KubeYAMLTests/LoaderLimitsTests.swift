import KubeYAML
import Testing

/// The loader's named limits: documents per file and scalar length (depth, aliases and file size have their
/// tests in LoaderRobustnessTests).
struct LoaderLimitsTests {
    @Test func documentsPastTheLimitAreSkippedWithOneFinding() {
        var limits = YAMLLimits()
        limits.maxDocumentsPerFile = 3
        let result = YAMLLoader.load(text: String(repeating: "---\n{}\n", count: 10), limits: limits)
        #expect(result.documents.count == 3)
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.documentCount])
        #expect(result.diagnostics.first?.range?.start.line == 7)
        #expect(result.diagnostics.first?.message == "more than 3 documents in one file; this one and the rest of the file are skipped")
    }

    @Test func theDefaultDocumentLimitIsAHundredThousand() {
        #expect(YAMLLimits.default.maxDocumentsPerFile == 100_000)
        #expect(YAMLLimits.default.maxScalarBytes == 1_572_864)
    }

    @Test func aScalarPastTheLimitSkipsItsDocumentOnly() {
        var limits = YAMLLimits()
        limits.maxScalarBytes = 8
        let text = "a: short\n---\nb: \"much longer than eight\"\n---\nc: ok\n"
        let result = YAMLLoader.load(text: text, limits: limits)
        #expect(result.documents.count == 2)
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.scalarLength])
        #expect(result.diagnostics.first?.range?.start.line == 3)
    }
}
