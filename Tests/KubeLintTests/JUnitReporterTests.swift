import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KubeLint
import KubeYAML
import Testing

/// JUnit output: well-formed XML, one failing case per error, passing cases for warnings and clean rules.
struct JUnitReporterTests {
    static func render() -> String {
        let diagnostics = Lint.run("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Bad_Name
              labels: {"a&b": "<x>"}
            """)
        return JUnitReporter.render(diagnostics, context: ReportContext(files: [], documentCount: 1))
    }

    @Test func outputIsWellFormedXML() throws {
        let document = try XMLDocument(xmlString: Self.render())
        #expect(document.rootElement()?.name == "testsuites")
    }

    @Test func errorsAreFailuresAndCountsAddUp() throws {
        let document = try XMLDocument(xmlString: Self.render())
        let failures = try document.nodes(forXPath: "//testcase/failure")
        let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
        #expect(failures.count == 3)
        #expect(suite.attribute(forName: "failures")?.stringValue == "3")
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
    }

    @Test func rulesWithoutFindingsArePassingCases() throws {
        let document = try XMLDocument(xmlString: Self.render())
        let clean = try document.nodes(forXPath: "//testcase[@name='duplicate-object']")
        #expect(clean.count == 1)
    }
}
