import KubeModel
import KubeYAML

/// Roles and ClusterRoles whose rules grant every verb or every resource with `*`.
package struct RBACWildcardRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-wildcard",
        name: "RBAC Wildcard",
        summary: "A Role or ClusterRole rule uses \"*\" in verbs or resources",
        rationale: """
            A wildcard grants today's verbs and resources and every one added later (custom resources, new \
            subresources such as `pods/exec`), so the role's reach grows without anyone editing it. Peers that \
            also flag `apiGroups: ["*"]` alone report roles that name their resources and verbs exactly; here \
            only verbs and resources count, and `*/scale`-style subresource wildcards count as resource wildcards.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["wildcard-in-rules", "wildcard-resource-verb-combo"], polaris: ["rolebindingClusterAdminRole"], checkov: ["CKV_K8S_49"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: operator
            rules:
            - apiGroups: [""]
              resources: [↓"*"]
              verbs: [get, list, watch]
            - apiGroups: [apps]
              resources: [deployments]
              verbs: [↓"*"]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: scaler
              namespace: team-a
            rules:
            - apiGroups: [apps]
              resources: [↓"*/scale"]
              verbs: [update]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
              namespace: team-a
            rules:
            - apiGroups: ["*"]
              resources: [configmaps]
              verbs: [get, list, watch]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            for (key, what) in [("resources", "every resource"), ("verbs", "every verb")] {
                for entry in rule.entries(key) where entry.text == "*" || entry.text.hasPrefix("*/") {
                    let subresource = FieldValue.quote(String(entry.text.dropFirst(2)))
                    let detail = entry.text == "*" ? what : "subresource \(subresource) of every resource"
                    sink.report(
                        object, at: entry.node, "the role grants \(detail) (\(key): \"\(entry.text)\")",
                        hint: "list the \(key) the subject needs")
                }
            }
        }
    }
}
