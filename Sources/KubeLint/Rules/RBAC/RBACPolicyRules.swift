import KubeYAML

// The model decodes no RBAC kinds, so the RBAC rules read Roles and bindings from their YAML nodes. This file
// is the one place that knows the shape of `rules[]` (apiGroups, resources, verbs, resourceNames) and of a
// binding's `roleRef`, so each rule file holds only its own question.

/// One entry of a Role's or ClusterRole's `rules`, read from its nodes.
struct RBACPolicyRule {
    /// The `rules[i]` mapping.
    let node: YAMLNode

    /// The Roles and ClusterRoles of the window with each of their policy rules, in input order.
    static func all(in context: LintContext) -> [(object: ObjectRef, rule: RBACPolicyRule)] {
        var result: [(object: ObjectRef, rule: RBACPolicyRule)] = []
        for kind in ["Role", "ClusterRole"] {
            for object in context.objects(ofKind: kind) where object.isRBAC {
                guard let rules = object.node["rules"] else { continue }
                for item in rules.items where item.isMapping {
                    result.append((object, RBACPolicyRule(node: item)))
                }
            }
        }
        return result.sorted { $0.object.index < $1.object.index }
    }

    /// The scalar entries of a list field (`verbs`, `resources`, `apiGroups`), with their nodes.
    func entries(_ key: String) -> [(text: String, node: YAMLNode)] {
        (node[key]?.items).map { items in items.compactMap { item in item.text.map { ($0, item) } } } ?? []
    }

    /// True when the rule applies to the core API group (`""`) or to every group (`"*"`).
    var coversCoreGroup: Bool { entries("apiGroups").contains { $0.text.isEmpty || $0.text == "*" } }

    /// True when `resourceNames` narrows the rule to named objects.
    var isNarrowedToNames: Bool { !(node["resourceNames"]?.items.isEmpty ?? true) }

    /// True when the rule grants one of `verbs` (a `*` verb grants all of them).
    func grants(anyOf verbs: Set<String>) -> Bool {
        entries("verbs").contains { $0.text == "*" || verbs.contains($0.text) }
    }

    /// The first `resources` entry naming one of `resources` (or `*`, which names them all), for positions.
    func resourceEntry(matching resources: Set<String>) -> YAMLNode? {
        entries("resources").first { $0.text == "*" || resources.contains($0.text) }?.node
    }
}

extension ObjectRef {
    /// True for objects of the `rbac.authorization.k8s.io` group (any version), so that a CRD kind that happens
    /// to be called `Role` in another group is not read as RBAC.
    var isRBAC: Bool { identity.apiVersion.hasPrefix("rbac.authorization.k8s.io/") }
}
