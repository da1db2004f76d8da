import Foundation
import KubeLint
import KubeYAML
import Testing

/// The `equivalents` of the rule catalogue: the migration map from kube-linter, kube-score, Polaris and Checkov.
struct RuleEquivalentsTests {
    @Test func rulesJSONListsEquivalentsOfEveryToolForEveryRule() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(RuleCatalog.json().utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        for rule in rules {
            let equivalents = try #require(rule["equivalents"] as? [String: [String]], "\(rule["id"] ?? "")")
            #expect(Set(equivalents.keys) == ["kube-linter", "kube-score", "polaris", "checkov"])
        }
        let wildcard = try #require(rules.first { $0["id"] as? String == "rbac-wildcard" })
        let equivalents = try #require(wildcard["equivalents"] as? [String: [String]])
        #expect(equivalents["checkov"] == ["CKV_K8S_49"])
        #expect(equivalents["kube-linter"] == ["wildcard-in-rules", "wildcard-resource-verb-combo"])
    }

    @Test func aForeignCheckNameMapsToOneRuleOnly() {
        var owners: [String: [String]] = [:]
        for rule in RuleRegistry.all.map(\.info) {
            for (tool, names) in rule.equivalents.byTool {
                for name in names { owners[tool + "/" + name, default: []].append(rule.id) }
            }
        }
        #expect(owners.filter { $0.value.count > 1 }.isEmpty)
    }

    @Test func aConfigCanTurnARuleOffByAForeignCheckName() {
        let (configuration, problems) = Lint.configuration("rules:\n  wildcard-in-rules: off\n")
        #expect(problems.isEmpty)
        let rule = RuleRegistry.description(of: "rbac-wildcard")
        #expect(rule.map { configuration.isEnabled($0) } == false)
    }

    @Test func aConfigCanSetASeverityByACheckovID() {
        let (configuration, _) = Lint.configuration("rules:\n  CKV_K8S_16: error\n")
        #expect(configuration.severity(forRule: "privileged-container", default: .warning) == .error)
    }
}
