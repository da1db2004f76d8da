import KubeYAML

// The questions the escalation rules (bind, escalate, impersonate, approve, webhook configurations) ask of one
// policy rule: which API group it covers and which explicit verb entries it holds. `*` verbs are left to
// rbac-wildcard, which reports them at the same node, so no entry is reported twice.

extension RBACPolicyRule {
    /// True when `apiGroups` names `group` or `*`.
    func covers(group: String) -> Bool { entries("apiGroups").contains { $0.text == group || $0.text == "*" } }

    /// The explicit (non-`*`) verb entries of the rule that are in `verbs`, with their nodes, in input order.
    func explicitVerbs(_ verbs: Set<String>) -> [(text: String, node: YAMLNode)] {
        entries("verbs").filter { verbs.contains($0.text) }
    }

    /// True when `resources` names one of `resources`, or `*`.
    func names(anyOf resources: Set<String>) -> Bool { resourceEntry(matching: resources) != nil }
}
