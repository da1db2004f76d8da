import KubeLint
import KubeYAML
import Testing

/// `helm template … | kubec lint -`: findings name the template Helm wrote in `# Source:`.
struct HelmSourcesTests {
    static let stream = """
        ---
        # Source: app/templates/service.yaml
        apiVersion: v1
        kind: Service
        ---
        # Source: app/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        ---
        apiVersion: v1
        kind: ConfigMap
        """

    static let sources = HelmSources([SourceFile(path: "<stdin>", text: stream)])

    @Test func aFindingNamesTheTemplateOfItsDocument() {
        #expect(Self.sources.template(for: SourceRange(file: "<stdin>", line: 8, column: 1)) == "app/templates/deployment.yaml")
        #expect(Self.sources.template(for: SourceRange(file: "<stdin>", line: 3, column: 1)) == "app/templates/service.yaml")
    }

    @Test func aDocumentWithoutItsOwnSourceCommentNamesNone() {
        #expect(Self.sources.template(for: SourceRange(file: "<stdin>", line: 11, column: 1)) == nil)
    }

    @Test func theTextReportShowsTheTemplateBesideTheStreamPosition() {
        let diagnostic = Diagnostic(
            rule: "x", severity: .error, message: "m", range: SourceRange(file: "<stdin>", line: 7, column: 1))
        let context = ReportContext(files: [SourceFile(path: "<stdin>", text: Self.stream)], documentCount: 3)
        let text = TextReporter.render([diagnostic], context: context)
        #expect(text.contains("<stdin>:7:1: error: m [x]"))
        #expect(text.contains("from: app/templates/deployment.yaml (Helm template)"))
    }
}
