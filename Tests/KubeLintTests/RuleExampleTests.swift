import KubeLint
import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

/// Runs every rule's documented examples through the whole lint pipeline (suppressions included) and checks
/// that each triggering example reports the rule exactly at its `↓` markers and each non-triggering one not
/// at all.
struct RuleExampleTests {
    static let rules: [String] = RuleRegistry.all.map(\.info.id)

    static func findings(_ text: String, rule: String) -> [KubeYAML.SourceLocation] {
        let set = ManifestSet.decode(YAMLLoader.load(text: text, file: "example.yaml"))
        var configuration = LintConfiguration()
        configuration.enabled = [rule]
        return Linter.lint(set, configuration: configuration).filter { $0.rule == rule }.compactMap { $0.range?.start }
            .sorted()
    }

    @Test(arguments: rules)
    func triggeringExamplesReportAtTheirMarkers(_ id: String) throws {
        let description = try #require(RuleRegistry.description(of: id))
        #expect(!description.triggering.isEmpty, "\(id) has no triggering example")
        for example in description.triggering {
            let marked = MarkedSource(example)
            #expect(!marked.locations.isEmpty, "\(id): a triggering example without ↓")
            let found = Self.findings(marked.text, rule: id)
            #expect(found == marked.locations.sorted(), "\(id) in:\n\(marked.text)")
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesReportNothing(_ id: String) throws {
        let description = try #require(RuleRegistry.description(of: id))
        #expect(!description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in description.nonTriggering {
            let found = Self.findings(example, rule: id)
            #expect(found.isEmpty, "\(id) in:\n\(example)")
        }
    }

    @Test func ruleIDsAreUniqueAndKebabCase() {
        #expect(Set(Self.rules).count == Self.rules.count)
        for id in Self.rules {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
        }
    }
}
