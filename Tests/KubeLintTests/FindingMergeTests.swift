import KubeLint
import KubeYAML
import Testing

/// The linter joins its workers' findings by moving them: the report holds every finding once, in part order.
struct FindingMergeTests {
    static func finding(part: Int, index: Int) -> Diagnostic {
        let range = SourceRange(file: "f\(part).yaml", line: Int32(index + 1), column: 1)
        let rule = index % 2 == 0 ? "kept-rule" : "schema-x"
        return Diagnostic(rule: rule, severity: .warning, message: "p\(part) f\(index)", range: range, hint: "h\(index)")
    }

    /// Four parts of 0, 3, 6 and 9 findings.
    static func parts() -> [[Diagnostic]] {
        (0..<4).map { (part: Int) -> [Diagnostic] in
            (0..<part * 3).map { (index: Int) -> Diagnostic in finding(part: part, index: index) }
        }
    }

    @Test func theFindingsOfEveryPartComeOutOnceInPartOrder() {
        var parts = Self.parts()
        let expected = Self.parts().flatMap { $0 }
        #expect(FindingMerge.moving(&parts) == expected)
    }

    @Test func findingsTheFilterRefusesAreLeftOut() {
        var parts = Self.parts()
        let merged = FindingMerge.moving(&parts) { $0.rule == "kept-rule" }
        #expect(merged == Self.parts().flatMap { $0 }.filter { $0.rule == "kept-rule" })
    }

    @Test func aPartThatSharesItsStorageIsCopiedNotEmptied() {
        let shared = Self.parts()[3]
        var parts = [shared]
        #expect(FindingMerge.moving(&parts) == shared)
        #expect(shared == Self.parts()[3])
    }
}
