import KubeModel
import KubeYAML

/// ClusterRoleBindings of a ClusterRole that reaches Secrets: access to the Secrets of every namespace.
package struct RBACClusterWideSecretsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-cluster-wide-secrets",
        name: "RBAC Cluster-Wide Secrets",
        summary: "A ClusterRoleBinding grants a ClusterRole that can read or write Secrets, in every namespace",
        rationale: """
            A ClusterRole bound by a ClusterRoleBinding applies in every namespace: a Secrets rule in it reaches \
            kube-system's tokens and every tenant's credentials, and an operator with it can be tricked into \
            copying them out. The ClusterRole is looked up in the input; the built-in admin and edit roles hold \
            Secrets access too and are reported, cluster-admin is left to cluster-admin-binding. A rule narrowed \
            by resourceNames is not counted. Bind the role with RoleBindings in the namespaces that need it.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["cluster-wide-secrets-access"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: secret-syncer}
            rules:
            - apiGroups: [""]
              resources: [secrets]
              verbs: [get, list, watch, create]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: secret-syncer}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ↓secret-syncer}
            subjects: [{kind: ServiceAccount, name: syncer, namespace: ops}]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: everyone-edits}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ↓edit}
            subjects: [{kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: secret-syncer}
            rules:
            - apiGroups: [""]
              resources: [secrets]
              verbs: [get, list, watch, create]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: secret-syncer, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-syncer}
            subjects: [{kind: ServiceAccount, name: syncer, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: viewers}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: Group, name: auditors, apiGroup: rbac.authorization.k8s.io}]
            """
        ])

    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var roles: [String: [String]]?
        for binding in context.objects(ofKind: "ClusterRoleBinding") where binding.isRBAC {
            guard let roleRef = binding.node["roleRef"], roleRef["kind"]?.text == "ClusterRole",
                let nameNode = roleRef["name"], let name = nameNode.text, name != "cluster-admin",
                binding.node["subjects"]?.items.isEmpty == false
            else { continue }
            let index = roles ?? Self.secretVerbsByClusterRole(context)
            roles = index
            let granted = ["admin", "edit"].contains(name) ? Self.verbs : index[name] ?? []
            guard !granted.isEmpty else { continue }
            sink.report(
                binding, at: nameNode,
                "binds ClusterRole \(FieldValue.quote(name)), which can \(granted.joined(separator: ", ")) Secrets, "
                    + "in every namespace",
                hint: "bind the ClusterRole with RoleBindings in the namespaces that need it, "
                    + "or name the Secrets in resourceNames")
        }
    }

    /// For each ClusterRole of the whole input, the Secrets verbs its rules grant (`*` grants them all).
    static func secretVerbsByClusterRole(_ context: LintContext) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for position in context.manifestSet.index.byKind["ClusterRole"] ?? [] {
            let role = context.object(at: position)
            guard role.isRBAC, let rules = role.node["rules"] else { continue }
            var granted = Set<String>()
            for item in rules.items where item.isMapping {
                let rule = RBACPolicyRule(node: item)
                guard rule.coversCoreGroup, !rule.isNarrowedToNames, rule.names(anyOf: ["secrets"]) else { continue }
                for verb in rule.entries("verbs") {
                    if verb.text == "*" {
                        granted.formUnion(verbs)
                    } else if verbs.contains(verb.text) {
                        granted.insert(verb.text)
                    }
                }
            }
            if !granted.isEmpty { result[role.name] = verbs.filter(granted.contains) }
        }
        return result
    }
}
