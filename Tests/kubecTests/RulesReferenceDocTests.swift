import Foundation
import KubeTestSupport
import Testing

/// `docs/rules.md` is `kubec rules --output markdown`: the rules and the ids of the stages before linting.
/// `KUBEC_RECORD_DOCS=1` rewrites it from the built binary (`make docs` does the same from a release build).
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct RulesReferenceDocTests {
    @Test func docsRulesMarkdownIsTheGeneratedCatalogue() throws {
        let path = RepositoryPaths.root + "/docs/rules.md"
        let run = try KubecProcess.run(["rules", "--output", "markdown"])
        #expect(run.status == 0)
        if ProcessInfo.processInfo.environment["KUBEC_RECORD_DOCS"] == "1" {
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(committed == run.stdout, "docs/rules.md is out of date: run `make docs`")
    }

    @Test func docsRulesMarkdownListsThePipelineIDs() throws {
        let run = try KubecProcess.run(["rules", "--output", "markdown"])
        #expect(run.stdout.contains("## pipeline (before linting)"))
        #expect(run.stdout.contains("| `yaml-syntax` | yaml | error |"))
        #expect(run.stdout.contains("| `schema-unknown-field` | schema | error |"))
    }
}
