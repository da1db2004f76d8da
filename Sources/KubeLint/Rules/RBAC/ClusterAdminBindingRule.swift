import KubeModel
import KubeYAML

/// RoleBindings and ClusterRoleBindings that grant the `cluster-admin` ClusterRole to a subject.
package struct ClusterAdminBindingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "cluster-admin-binding",
        name: "Cluster Admin Binding",
        summary: "A binding grants the cluster-admin ClusterRole to a user, group or ServiceAccount",
        rationale: """
            cluster-admin allows every verb on every resource: through a ClusterRoleBinding in the whole cluster, \
            through a RoleBinding in the binding's namespace (including its Roles, Secrets and RoleBindings). A \
            stolen token of such a subject owns the cluster or the namespace. Peers flag every binding to \
            cluster-admin, including the bootstrap binding of the `system:masters` group that every cluster \
            carries and cluster dumps contain; that one is not reported here, nor is a binding without subjects, \
            which grants nothing.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["cluster-admin-role-binding"],
            polaris: ["clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: ci-admin
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: ↓cluster-admin
            subjects:
            - kind: ServiceAccount
              name: deployer
              namespace: ci
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: team-admin
              namespace: team-a
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ↓cluster-admin}
            subjects: [{kind: Group, name: team-a, apiGroup: rbac.authorization.k8s.io}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: team-edit
              namespace: team-a
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{kind: Group, name: team-a, apiGroup: rbac.authorization.k8s.io}]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: cluster-admin
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: local-admin
              namespace: team-a
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for kind in ["ClusterRoleBinding", "RoleBinding"] {
            for object in context.objects(ofKind: kind) where object.isRBAC {
                guard let roleRef = object.node["roleRef"], roleRef["kind"]?.text == "ClusterRole",
                    let name = roleRef["name"], name.text == "cluster-admin"
                else { continue }
                let subjects = object.node["subjects"]?.items.filter { !Self.isBootstrapMasters($0) } ?? []
                guard let first = subjects.first else { continue }
                let scope =
                    kind == "ClusterRoleBinding"
                    ? "the whole cluster" : "namespace \(FieldValue.quote(object.namespace))"
                let who = "\(first["kind"]?.text ?? "subject") \(FieldValue.quote(first["name"]?.text ?? ""))"
                let more = subjects.count > 1 ? " and \(subjects.count - 1) more subject(s) get" : " gets"
                sink.report(
                    object, at: name, "\(who)\(more) cluster-admin over \(scope)",
                    hint: "bind a Role or ClusterRole that lists only the verbs and resources needed")
            }
        }
    }

    /// The group every cluster binds to cluster-admin at bootstrap.
    static func isBootstrapMasters(_ subject: YAMLNode) -> Bool {
        subject["kind"]?.text == "Group" && subject["name"]?.text == "system:masters"
    }
}
