import KubeModel
import KubeYAML

/// RoleBindings and ClusterRoleBindings (`ValidateRoleBinding`, `ValidateClusterRoleBinding`,
/// `ValidateRoleBindingSubject`): the roleRef's group, kind and name, and each subject's kind, name, apiGroup
/// and namespace. Empty apiGroups are defaulted first (rbac.authorization.k8s.io, "" for ServiceAccounts).
/// That roleRef cannot change is a diff's question, not this rule's.
package struct RBACBindingSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-rbac-binding",
        name: "Invalid RBAC Binding",
        summary: "Binding roleRef and subjects have valid kinds, API groups, names, and ServiceAccount namespaces",
        rationale: "The API server refuses the binding; a ClusterRoleBinding to a Role, or a ServiceAccount subject without a namespace, is a common slip.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: read-all
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ↓Role, name: reader}
            subjects:
            - ↓kind: ServiceAccount
              name: builder
            - {kind: User, name: jane, apiGroup: ↓rbac.authorization.k8s.io/v1}
            - {kind: ↓Robot, name: r2}
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: read
            roleRef: {apiGroup: ↓rbac, kind: Role, name: ↓""}
            subjects:
            - {kind: ServiceAccount, name: ↓Builder, apiGroup: ↓v1}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: read
              namespace: ci
            roleRef: {kind: ClusterRole, name: view}
            subjects:
            - {kind: ServiceAccount, name: builder}
            - {kind: Group, name: "system:serviceaccounts:ci"}
            """,
        ])

    private static let group = "rbac.authorization.k8s.io"

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for kind in ["RoleBinding", "ClusterRoleBinding"] {
            for object in context.served(kind, ["\(Self.group)/v1"]) {
                RBACNames.checkName(object, &sink)
                let namespaced = kind == "RoleBinding"
                if let ref = object.node["roleRef"], ref.isMapping {
                    roleRef(ref, kinds: namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"], object, &sink)
                }
                guard let subjects = object.node["subjects"], subjects.isSequence else { continue }
                for subject in subjects.items where subject.isMapping {
                    self.subject(subject, namespaced: namespaced, object, &sink)
                }
            }
        }
    }

    private func roleRef(_ ref: YAMLNode, kinds: [String], _ object: ObjectRef, _ sink: inout FindingSink) {
        let first = ref.pairs.first?.key ?? ref
        let group = APIServerChecks.text(ref, "apiGroup") ?? ""
        if !group.isEmpty, group != Self.group {
            sink.fieldError(object, at: ref["apiGroup"], .unsupported(.string(group), [Self.group]))
        }
        let kind = APIServerChecks.text(ref, "kind") ?? ""
        if !kinds.contains(kind) {
            sink.fieldError(object, at: ref["kind"] ?? first, path: APIServerChecks.childPath(ref, "kind", in: object),
                            .unsupported(.string(kind), kinds),
                            hint: kinds.count == 1 ? "a ClusterRoleBinding can bind a ClusterRole only; use a RoleBinding for a Role" : nil)
        }
        let name = APIServerChecks.text(ref, "name") ?? ""
        if name.isEmpty {
            sink.fieldError(object, at: ref["name"] ?? first, path: APIServerChecks.childPath(ref, "name", in: object), .required(""))
        }
        for error in APIServerChecks.pathSegmentName(name) where !name.isEmpty {
            sink.fieldError(object, at: ref["name"], .invalid(.string(name), error))
        }
    }

    private func subject(_ subject: YAMLNode, namespaced: Bool, _ object: ObjectRef, _ sink: inout FindingSink) {
        let first = subject.pairs.first?.key ?? subject
        let name = APIServerChecks.text(subject, "name") ?? ""
        if name.isEmpty {
            sink.fieldError(object, at: subject["name"] ?? first,
                            path: APIServerChecks.childPath(subject, "name", in: object), .required(""))
        }
        let group = APIServerChecks.text(subject, "apiGroup") ?? ""
        let kind = APIServerChecks.text(subject, "kind") ?? ""
        switch kind {
        case "ServiceAccount":
            for error in name.isEmpty ? [] : NameValidation.dns1123Subdomain(name) {
                sink.fieldError(object, at: subject["name"], .invalid(.string(name), error))
            }
            if !group.isEmpty {
                sink.fieldError(object, at: subject["apiGroup"], .unsupported(.string(group), [""]))
            }
            if !namespaced, (APIServerChecks.text(subject, "namespace") ?? "").isEmpty {
                sink.fieldError(object, at: subject["namespace"] ?? first,
                                path: APIServerChecks.childPath(subject, "namespace", in: object), .required(""),
                                hint: "a ClusterRoleBinding must name the namespace of its ServiceAccount")
            }
        case "User", "Group":
            if !group.isEmpty, group != Self.group {
                sink.fieldError(object, at: subject["apiGroup"], .unsupported(.string(group), [Self.group]))
            }
        default:
            sink.fieldError(object, at: subject["kind"] ?? first, path: APIServerChecks.childPath(subject, "kind", in: object),
                            .unsupported(.string(kind), ["ServiceAccount", "User", "Group"]))
        }
    }
}
