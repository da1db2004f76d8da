import Foundation
import KubeLint
import KubeTestSupport
import Testing

/// `docs/rules.md` is the rule catalogue as generated; `KUBEC_RECORD_DOCS=1` rewrites it (`make docs`).
struct RulesReferenceTests {
    @Test func docsRulesMarkdownMatchesTheCatalogue() throws {
        let path = RepositoryPaths.root + "/docs/rules.md"
        let generated = RuleCatalog.markdown()
        if ProcessInfo.processInfo.environment["KUBEC_RECORD_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(committed == generated, "docs/rules.md is out of date: run `make docs`")
    }
}
