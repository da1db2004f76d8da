import KubeModel
import KubeYAML

/// The Roles, ClusterRoles and ServiceAccounts of the input, indexed once by (kind, namespace, name), for the
/// rules that check what a RoleBinding or ClusterRoleBinding points at.
///
/// As with selectors (`SelectorTargets`), a target is "missing" only when the input holds candidates of its
/// kind in its namespace and none has its name; otherwise the binding was linted without the objects it
/// points at, and the finding is one info saying the target is not in the input.
struct RBACBindingTargets {
    struct Key: Hashable {
        var kind: String
        var namespace: String
        var name: String
    }

    private var keys = Set<Key>()
    /// The namespaces ("" for cluster-scoped kinds) holding at least one object of a kind, by kind.
    private var populated: [String: Set<String>] = [:]

    /// Indexes every RBAC Role and ClusterRole and every ServiceAccount of the whole input.
    init(_ context: LintContext) {
        for kind in ["Role", "ClusterRole", "ServiceAccount"] {
            for position in context.manifestSet.index.byKind[kind] ?? [] {
                let object = context.object(at: position)
                if kind != "ServiceAccount", !object.isRBAC { continue }
                let namespace = kind == "ClusterRole" ? "" : object.namespace
                keys.insert(Key(kind: kind, namespace: namespace, name: object.name))
                populated[kind, default: []].insert(namespace)
            }
        }
    }

    /// Whether the input holds any object of `kind` in `namespace` ("" for ClusterRoles).
    func hasCandidates(_ kind: String, in namespace: String) -> Bool {
        populated[kind]?.contains(namespace) ?? false
    }

    func contains(_ kind: String, in namespace: String, named name: String) -> Bool {
        keys.contains(Key(kind: kind, namespace: namespace, name: name))
    }

    /// Reports that a binding's target is not in the input: `message` as the rule's finding when the input
    /// holds candidates of `kind` in `namespace`, otherwise one info that `what` was not checked.
    func reportMissing(
        _ kind: String, in namespace: String, binding: ObjectRef, at node: YAMLNode, path: String,
        into sink: inout FindingSink, message: String, what: String, hint: String
    ) {
        if hasCandidates(kind, in: namespace) {
            sink.report(binding, at: node, message, hint: hint, path: path)
            return
        }
        let scope = namespace.isEmpty ? "" : " of namespace \(FieldValue.quote(namespace))"
        sink.report(
            binding, at: node, "no \(kind)\(scope) is in the input: \(what) not checked",
            hint: "lint the binding together with the objects it names (a folder, or several files)",
            path: path, severity: .info)
    }
}
