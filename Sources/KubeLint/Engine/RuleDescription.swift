import KubeYAML

/// What a rule is, for `kubec rules`, SARIF rule metadata and the example tests.
///
/// Examples are the rule's documentation and its tests: each triggering example marks with `↓` every
/// position a finding must start at; a non-triggering example must produce no finding of the rule.
package struct RuleDescription: Sendable {
    /// Which family a rule belongs to; `kubec rules` groups by it.
    package enum Kind: String, Sendable, CaseIterable {
        /// The API server rejects the object (same check, same wording where it has one).
        case apiServer = "api-server"
        /// The cluster accepts the objects, but together they do nothing or something else than meant.
        case crossResource = "cross-resource"
        /// Accepted and working, but risky or fragile.
        case bestPractice = "best-practice"
        /// About kubec's own configuration and suppressions.
        case meta
    }

    /// The stable kebab-case id users write in configs and annotations.
    package var id: String
    /// A title-case name (`Workload Selector Mismatch`).
    package var name: String
    /// One line: what the rule catches.
    package var summary: String
    /// Why it matters, in a sentence or two.
    package var rationale: String
    package var kind: Kind
    package var severity: Severity
    /// False for opt-in rules, which run only when enabled by `--enable` or the config.
    package var enabledByDefault: Bool
    /// YAML inputs that must trigger the rule exactly at their `↓` markers.
    package var triggering: [String]
    /// YAML inputs that must not trigger the rule.
    package var nonTriggering: [String]
    /// The checks of kube-linter, kube-score, Polaris and Checkov this rule covers.
    package var equivalents: RuleEquivalents

    package init(
        id: String, name: String, summary: String, rationale: String, kind: Kind, severity: Severity,
        enabledByDefault: Bool = true, equivalents: RuleEquivalents = .none, triggering: [String],
        nonTriggering: [String]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.kind = kind
        self.severity = severity
        self.enabledByDefault = enabledByDefault
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.equivalents = equivalents
    }
}
