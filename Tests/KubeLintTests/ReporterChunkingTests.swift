import KubeLint
import KubeYAML
import Testing

/// The text and JSON reports render findings in chunks on both cores; the joined chunks are the report a
/// single pass writes, whatever the number of findings and wherever a chunk ends.
struct ReporterChunkingTests {
    /// `count` findings over three files, some without a place, some with notes, hints, objects and paths.
    static func findings(_ count: Int) -> (diagnostics: [Diagnostic], context: ReportContext) {
        let files = (0..<3).map { index in
            SourceFile(path: "f\(index).yaml", text: (1...50).map { "line: \($0)\n" }.joined())
        }
        let diagnostics = (0..<count).map { index in
            let range = SourceRange(file: "f\(index % 3).yaml", line: Int32(1 + index % 50), column: 3)
            var diagnostic = Diagnostic(
                rule: "rule-\(index % 7)", severity: index % 3 == 0 ? .error : .warning, message: "finding \(index)",
                range: index % 11 == 0 ? nil : range)
            if index % 5 == 0 { diagnostic.hint = "hint \(index)" }
            if index % 13 == 0 {
                let place = SourceRange(file: "f0.yaml", line: 2, column: 1)
                diagnostic.notes = [DiagnosticNote(message: "see", range: place)]
            }
            if index % 17 == 0 {
                diagnostic.notes.append(DiagnosticNote(message: "and \"this\"\u{1B}", range: nil))
            }
            if index % 4 != 3 {
                diagnostic.object = ObjectIdentity(
                    apiVersion: "apps/v1", kind: "Deployment", namespace: index % 4 == 0 ? nil : "ns-\(index % 4)",
                    name: "web-\(index)")
            }
            if index % 6 == 0 { diagnostic.path = "spec.template.spec.containers[\(index % 3)].image" }
            return diagnostic
        }
        return (diagnostics, ReportContext(files: files, documentCount: 9))
    }

    @Test(arguments: [0, 1, 2_047, 2_048, 2_049, 5_000])
    func theJSONReportIsTheWholeValueRenderedAtOnce(count: Int) {
        let (diagnostics, context) = Self.findings(count)
        let counts = diagnostics.severityCounts
        let whole = JSONValue.object([
            ("diagnostics", .array(diagnostics.map { JSONReporter.value($0, helm: HelmSources(context.files)) })),
            ("summary", .object([
                ("files", .int(context.fileCount)), ("documents", .int(context.documentCount)),
                ("errors", .int(counts.errors)), ("warnings", .int(counts.warnings)), ("infos", .int(counts.infos)),
            ])),
        ])
        #expect(JSONReporter.render(diagnostics, context: context) == whole.rendered(pretty: true) + "\n")
    }

    @Test(arguments: [0, 1, 2_048, 2_049, 5_000])
    func theTextReportIsEachFindingRenderedAloneThenTheSummary(count: Int) {
        let (diagnostics, context) = Self.findings(count)
        let summary = TextReporter.summary(diagnostics, context: context) + "\n"
        let alone = diagnostics.map { finding in
            String(TextReporter.render([finding], context: context).dropLast(
                TextReporter.summary([finding], context: context).count + 1))
        }.joined()
        #expect(TextReporter.render(diagnostics, context: context) == alone + summary)
    }
}
