import KubeModel
import KubeYAML

/// ClusterRoles aggregated into the built-in admin, edit or view roles that grant more than that role should.
package struct RBACAggregatedEscalationRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-aggregated-escalation",
        name: "RBAC Aggregated Escalation",
        summary: "A ClusterRole aggregated into admin, edit or view grants what that role must not",
        rationale: """
            The `rbac.authorization.k8s.io/aggregate-to-admin|edit|view: "true"` labels merge a ClusterRole's \
            rules into the built-in role, so every subject bound to it, in every namespace, gets them. What the \
            built-in roles leave out is deliberate: view reads no Secrets, edit writes no roles or bindings, and \
            none of them writes ClusterRoles or ClusterRoleBindings. kube-linter flags create, delete and patch \
            on Secrets and RBAC objects under any of the labels, including Secrets write aggregated into admin \
            or edit, which those roles already grant; here each label is held to what its role excludes.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["aggregate-to-admin-escalation"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-view
              labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
            rules:
            - apiGroups: [""]
              resources: [↓secrets]
              verbs: [get, list]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-edit
              labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
            rules:
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [↓rolebindings]
              verbs: [create]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-edit
              labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
            rules:
            - apiGroups: [widgets.example.com]
              resources: [widgets]
              verbs: [get, list, watch, create, update, patch, delete]
            - apiGroups: [""]
              resources: [secrets]
              verbs: [create, update]
            """
        ])

    static let writeVerbs: Set<String> = [
        "create", "update", "patch", "delete", "deletecollection", "escalate", "bind",
    ]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) where object.kind == "ClusterRole" {
            // The least privileged role the ClusterRole is aggregated into sets the bar.
            guard
                let target = ["view", "edit", "admin"].first(where: { role in
                    object.labels?["rbac.authorization.k8s.io/aggregate-to-\(role)"]?.text == "true"
                })
            else { continue }
            let writes = rule.grants(anyOf: Self.writeVerbs)
            let reads = rule.grants(anyOf: ["get", "list", "watch"])
            for entry in rule.entries("resources") {
                guard let what = excess(entry.text, target: target, rule: rule, writes: writes, reads: reads) else {
                    continue
                }
                sink.report(
                    object, at: entry.node,
                    "aggregated into the built-in \(target) ClusterRole: every subject bound to \(target) can \(what)",
                    hint: "move the rule to a ClusterRole bound only where it is needed")
            }
        }
    }

    /// What a `resources` entry grants beyond the built-in role, nil when nothing.
    private func excess(
        _ resource: String, target: String, rule: RBACPolicyRule, writes: Bool, reads: Bool
    ) -> String? {
        let all = resource == "*"
        if target == "view", rule.covers(group: ""), all || resource == "secrets", reads || writes {
            return "\(writes ? "write" : "read") Secrets"
        }
        guard writes, rule.covers(group: "rbac.authorization.k8s.io") else { return nil }
        if all || resource == "clusterroles" || resource == "clusterrolebindings" {
            return "write cluster-wide RBAC objects (resources: \"\(resource)\")"
        }
        if target != "admin", resource == "roles" || resource == "rolebindings" {
            return "write \(resource), which \(target) leaves out"
        }
        return nil
    }
}
