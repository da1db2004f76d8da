import KubeLint
import KubeYAML
import Testing

/// `sortForReport` gives what `sort(by: Diagnostic.reportOrder)` gives, equal findings in their first order.
struct ReportSortTests {
    /// Findings in a scrambled order over three files: some without a place, some at the same place with the same
    /// rule (told apart by message or path only), some equal but for their hint.
    static func findings(_ count: Int) -> [Diagnostic] {
        (0..<count).map { index in
            let scrambled = (index * 7_919) % count
            let file = ["b.yaml", "a.yaml", "dir/c.yaml"][scrambled % 3]
            let range = SourceRange(
                file: file, span: SourceSpan(
                    start: SourceLocation(line: Int32(1 + scrambled % 40), column: Int32(1 + scrambled % 3)),
                    end: SourceLocation(line: Int32(1 + scrambled % 40), column: Int32(4 + (scrambled / 120) % 2))))
            return Diagnostic(
                rule: "rule-\(scrambled % 4)", severity: .warning, message: "message \(scrambled % 5)",
                range: scrambled % 17 == 0 ? nil : range, path: scrambled % 2 == 0 ? nil : "spec",
                hint: "finding \(index)")
        }
    }

    @Test(arguments: [0, 1, 2, 50, 3_001])
    func theOrderIsTheStableSortByReportOrder(count: Int) {
        let findings = Self.findings(count)
        var sorted = findings
        sorted.sortForReport()
        #expect(sorted == findings.sorted(by: Diagnostic.reportOrder))
    }

    @Test func findingsAlreadyInOrderStayAsTheyAre() {
        var sorted = Self.findings(500).sorted(by: Diagnostic.reportOrder)
        let before = sorted
        sorted.sortForReport()
        #expect(sorted == before)
    }
}
