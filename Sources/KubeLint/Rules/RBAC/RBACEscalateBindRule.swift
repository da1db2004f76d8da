import KubeModel
import KubeYAML

/// Roles and ClusterRoles that grant `escalate` or `bind` on RBAC roles: the two verbs that bypass the API
/// server's privilege-escalation check.
package struct RBACEscalateBindRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-escalate-bind",
        name: "RBAC Escalate Or Bind",
        summary: "A Role or ClusterRole grants escalate on roles, or bind on roles not narrowed by resourceNames",
        rationale: """
            The API server lets a subject create or edit a role, or bind one, only with permissions it already \
            holds. `escalate` on roles and clusterroles lifts that check for writing roles, `bind` lifts it for \
            bindings: either lets the subject grant itself anything, up to cluster-admin. `bind` narrowed by \
            resourceNames to the roles a delegated admin may hand out is the intended use and is not reported; \
            `escalate` is reported even when narrowed, since it lets the subject fill the named role with any \
            permission. Checkov's CKV_K8S_157 looks for `bind` on rolebindings and clusterrolebindings, where \
            the verb has no effect (the API server checks it on the role being bound); kubec looks where it \
            acts. `*` verbs are reported by rbac-wildcard.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["bind-verb-in-role", "escalate-verb-in-role"], checkov: ["CKV_K8S_157", "CKV_K8S_158"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: role-manager
            rules:
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [clusterroles, roles]
              verbs: [get, list, create, update, ↓escalate]
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [clusterroles]
              verbs: [↓bind]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: delegated-admin
              namespace: team-a
            rules:
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [rolebindings]
              verbs: [create, update, delete]
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [clusterroles]
              resourceNames: [view, edit]
              verbs: [bind]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: custom-roles
            rules:
            - apiGroups: [custom.example.com]
              resources: [roles]
              verbs: [escalate, bind]
            """,
        ])

    static let roles: Set<String> = ["roles", "clusterroles"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard rule.covers(group: "rbac.authorization.k8s.io"), rule.names(anyOf: Self.roles) else { continue }
            for verb in rule.explicitVerbs(["escalate", "bind"]) {
                if verb.text == "bind", rule.isNarrowedToNames { continue }
                let effect =
                    verb.text == "escalate"
                    ? "write roles with permissions it does not hold" : "bind any role, whatever it grants"
                sink.report(
                    object, at: verb.node, "the role can \(effect) (verbs: \"\(verb.text)\")",
                    hint: verb.text == "escalate"
                        ? "drop escalate: a subject that writes roles should hold what it grants"
                        : "list the roles the subject may hand out in resourceNames")
            }
        }
    }
}
