import BenchmarkInputs
import KubeDiff
import Testing

@Suite("Diff benchmark input")
struct DiffBenchmarkTests {
    @Test func generatedSetsDifferInOnePercentOfObjectsAndNothingElse() {
        let measurement = DiffBenchmark.run(documents: 3_000)
        let report = measurement.report
        #expect(!report.hasInputErrors)
        #expect(report.summary.modified == 30)
        #expect(report.summary.added == 0 && report.summary.removed == 0)
        #expect(report.summary.unchanged == 2_970)
        // Deployment image and ConfigMap value: one change each; a Service port is its item key: removed + added.
        #expect(report.summary.fieldChanges == 40)
        #expect(report.summary.restarts == 10)
    }
}
