/// The checks of other Kubernetes linters that a kubec rule covers, for the migration map.
///
/// Names are copied from each tool's public documentation or check catalogue: a kube-linter check name, a
/// kube-score check id, a Polaris check id, a Checkov `CKV_K8S_*` id. An empty list means no such check was
/// found in that tool, not that the mapping is unknown.
package struct RuleEquivalents: Sendable, Equatable {
    package var kubeLinter: [String]
    package var kubeScore: [String]
    package var polaris: [String]
    package var checkov: [String]

    package init(kubeLinter: [String] = [], kubeScore: [String] = [], polaris: [String] = [], checkov: [String] = []) {
        self.kubeLinter = kubeLinter
        self.kubeScore = kubeScore
        self.polaris = polaris
        self.checkov = checkov
    }

    /// No known equivalent in any of the tools.
    package static let none = RuleEquivalents()

    /// True when no tool lists an equivalent.
    package var isEmpty: Bool { kubeLinter.isEmpty && kubeScore.isEmpty && polaris.isEmpty && checkov.isEmpty }

    /// The tools with their names, in a fixed order (`kube-linter`, `kube-score`, `polaris`, `checkov`).
    package var byTool: [(tool: String, names: [String])] {
        [("kube-linter", kubeLinter), ("kube-score", kubeScore), ("polaris", polaris), ("checkov", checkov)]
    }
}
