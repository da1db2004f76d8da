import KubeYAML
import Testing

/// `sortForReport()` puts findings in exactly the order a stable sort by `Diagnostic.reportOrder` gives.
struct ReportSortTests {
    /// Findings with many ties: few files (two spelt alike in different strings), lines, rules and messages,
    /// some without a range or a path.
    static func findings(count: Int, seed: UInt64) -> [Diagnostic] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let files = [
            "b.yaml", "a.yaml", "dir/c.yaml", String("a.yaml".reversed().reversed()), "é.yaml", "e\u{301}.yaml",
        ]
        return (0..<count).map { serial in
            let line = Int32(next(4) + 1)
            let column = Int32(next(3) + 1)
            let range = next(8) == 0
                ? nil
                : SourceRange(
                    file: files[next(files.count)],
                    span: SourceSpan(
                        start: SourceLocation(line: line, column: column),
                        end: SourceLocation(line: line + Int32(next(2)), column: Int32(next(3) + 1))))
            return Diagnostic(
                rule: ["rule-b", "rule-a", "rule-c"][next(3)], severity: .warning, message: "m\(next(3))",
                range: range, path: next(3) == 0 ? nil : "p\(next(2))", hint: "serial \(serial)")
        }
    }

    @Test(arguments: [0, 1, 2, 3, 50, 2_000])
    func matchesAStableSortByReportOrder(count: Int) {
        for seed in UInt64(1)...5 {
            var sorted = Self.findings(count: count, seed: seed)
            let expected = sorted.sorted(by: Diagnostic.reportOrder)
            sorted.sortForReport()
            #expect(sorted == expected, "\(count) findings, seed \(seed)")
        }
    }

    @Test func leavesSortedFindingsAsTheyAre() {
        var sorted = Self.findings(count: 500, seed: 9).sorted(by: Diagnostic.reportOrder)
        let before = sorted
        sorted.sortForReport()
        #expect(sorted == before)
    }
}
