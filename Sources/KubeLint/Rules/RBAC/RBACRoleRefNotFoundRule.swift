import KubeModel
import KubeYAML

/// RoleBindings and ClusterRoleBindings whose `roleRef` names a Role or ClusterRole that the input lacks.
package struct RBACRoleRefNotFoundRule: Rule {
    package static let description = RuleDescription(
        id: "rbac-role-ref-not-found",
        name: "RBAC Role Ref Not Found",
        summary: "A binding's roleRef names a Role or ClusterRole that is not in the input",
        rationale: """
            The API server accepts a binding to a role that does not exist, and it grants nothing until a role of \
            that name appears, which may be much later and with other rules than intended. A typo in roleRef \
            (which cannot be edited afterwards) thus fails silently. Reported only when the input holds Roles of \
            the binding's namespace (or ClusterRoles); the built-in ClusterRoles cluster-admin, admin, edit, view \
            every `system:` role and kube-system's extension-apiserver-authentication-reader Role always exist.
            """,
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader, namespace: team-a}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: read-pods, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ↓pods-reader}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: metrics-reader}
            rules: [{nonResourceURLs: [/metrics], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: prometheus}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: ↓metric-reader
            subjects: [{kind: ServiceAccount, name: default, namespace: monitoring}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader, namespace: team-a}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: read-pods, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: metrics-reader}
            rules: [{nonResourceURLs: [/metrics], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: team-view, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: Group, name: team-a, apiGroup: rbac.authorization.k8s.io}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var targets: RBACBindingTargets?
        for kind in ["ClusterRoleBinding", "RoleBinding"] {
            for binding in context.objects(ofKind: kind) where binding.isRBAC {
                guard let roleRef = binding.node["roleRef"], let nameNode = roleRef["name"],
                    let name = nameNode.text, !name.isEmpty,
                    let roleKind = roleRef["kind"]?.text, roleKind == "Role" || roleKind == "ClusterRole"
                else { continue }
                // A ClusterRoleBinding may only name a ClusterRole; the API server reports the other case.
                if kind == "ClusterRoleBinding" && roleKind == "Role" { continue }
                if Self.isBuiltIn(roleKind, name, in: binding.namespace) { continue }
                let index = targets ?? RBACBindingTargets(context)
                targets = index
                let namespace = roleKind == "ClusterRole" ? "" : binding.namespace
                if index.contains(roleKind, in: namespace, named: name) { continue }
                let place = namespace.isEmpty ? "the input" : "namespace \(FieldValue.quote(namespace)) of the input"
                index.reportMissing(
                    roleKind, in: namespace, binding: binding, at: nameNode, path: "roleRef.name", into: &sink,
                    message: "roleRef names \(roleKind) \(FieldValue.quote(name)), which is not in \(place)",
                    what: "roleRef",
                    hint: "correct roleRef.name (a binding's roleRef cannot be changed: delete and recreate it), "
                        + "or add the \(roleKind)")
            }
        }
    }

    /// The roles every cluster creates at bootstrap: the user-facing ClusterRoles, the `system:` roles of its
    /// components, and the Role of kube-system that extension API servers bind to read the client-CA ConfigMap.
    static func isBuiltIn(_ kind: String, _ name: String, in namespace: String) -> Bool {
        if name.hasPrefix("system:") { return true }
        if kind == "Role" { return namespace == "kube-system" && name == "extension-apiserver-authentication-reader" }
        return ["cluster-admin", "admin", "edit", "view"].contains(name)
    }
}
