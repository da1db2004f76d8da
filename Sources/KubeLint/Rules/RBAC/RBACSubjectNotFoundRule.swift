import KubeModel
import KubeYAML

/// RoleBindings and ClusterRoleBindings with a ServiceAccount subject that the input lacks.
package struct RBACSubjectNotFoundRule: Rule {
    package static let description = RuleDescription(
        id: "rbac-service-account-not-found",
        name: "RBAC Service Account Not Found",
        summary: "A binding's subject is a ServiceAccount that is not in the input",
        rationale: """
            A binding to a ServiceAccount that does not exist grants nothing today, and grants its role to \
            whatever ServiceAccount of that name someone creates later. A misspelt name or a wrong namespace \
            leaves the intended workload without its permissions. Reported only when the input holds \
            ServiceAccounts of the subject's namespace; the `default` ServiceAccount of every namespace always \
            exists. (kube-linter's non-existent-service-account checks pods' serviceAccountName, not bindings.)
            """,
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer, namespace: ci}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: deploy, namespace: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
            - kind: ServiceAccount
              name: ↓deploy-bot
            """,
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: prometheus, namespace: monitoring}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: prometheus}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
            - {kind: ServiceAccount, name: prometheus, namespace: monitoring}
            - {kind: ServiceAccount, name: ↓prometheus-operator, namespace: monitoring}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer, namespace: ci}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: deploy, namespace: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
            - {kind: ServiceAccount, name: deployer}
            - {kind: ServiceAccount, name: default}
            - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var targets: RBACBindingTargets?
        for kind in ["ClusterRoleBinding", "RoleBinding"] {
            for binding in context.objects(ofKind: kind) where binding.isRBAC {
                guard let subjects = binding.node["subjects"] else { continue }
                for subject in subjects.items where subject["kind"]?.text == "ServiceAccount" {
                    guard let nameNode = subject["name"], let name = nameNode.text, !name.isEmpty,
                        name != "default"
                    else { continue }
                    // In a RoleBinding the subject's namespace defaults to the binding's; a ClusterRoleBinding
                    // must name it (the API server reports its absence).
                    let given = subject["namespace"]?.text ?? ""
                    let namespace = given.isEmpty && kind == "RoleBinding" ? binding.namespace : given
                    if namespace.isEmpty { continue }
                    let index = targets ?? RBACBindingTargets(context)
                    targets = index
                    if index.contains("ServiceAccount", in: namespace, named: name) { continue }
                    index.reportMissing(
                        "ServiceAccount", in: namespace, binding: binding, at: nameNode,
                        path: sink.path(of: nameNode, in: binding), into: &sink,
                        message: "subject ServiceAccount \(FieldValue.quote(name)) is not in namespace "
                            + "\(FieldValue.quote(namespace)) of the input",
                        what: "ServiceAccount subjects",
                        hint: "correct the subject's name or namespace, or add the ServiceAccount")
                }
            }
        }
    }
}
