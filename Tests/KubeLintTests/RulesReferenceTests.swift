import Foundation
import KubeLint
import KubeTestSupport
import Testing

/// `docs/rules.md` is the rule catalogue as generated. The whole file, with the table of the pipeline ids only
/// the CLI knows, is checked (and rewritten with `KUBEC_RECORD_DOCS=1`) by the kubec tests; here, without the
/// binary, the rules part must be its beginning.
struct RulesReferenceTests {
    @Test func docsRulesMarkdownBeginsWithTheRuleCatalogue() throws {
        let path = RepositoryPaths.root + "/docs/rules.md"
        let committed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(committed.hasPrefix(RuleCatalog.markdown()), "docs/rules.md is out of date: run `make docs`")
    }
}
