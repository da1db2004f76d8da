import KubeModel
import KubeYAML

/// Roles and ClusterRoles (`ValidateRole`, `ValidateClusterRole`, `ValidatePolicyRule`): names are path
/// segments; each rule has verbs, and either resources with API groups or (ClusterRole only) non-resource URLs.
package struct RBACRoleRulesRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-rbac-role",
        name: "Invalid RBAC Role",
        summary: "Role rules have verbs and either apiGroups+resources or nonResourceURLs (ClusterRoles only)",
        rationale: "The API server refuses the Role: a rule without verbs or apiGroups grants nothing and is not accepted.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
            rules:
            - apiGroups: [""]
              resources: [pods]
              ↓verbs: []
            - ↓resources: [deployments]
              verbs: [get]
            - nonResourceURLs: ↓[/healthz]
              verbs: [get]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: ↓ops/reader
            rules:
            - apiGroups: [""]
              nonResourceURLs: ↓[/metrics]
              verbs: [get]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: monitoring
            ↓aggregationRule: {}
            rules: []
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: system:metrics-reader
            rules:
            - apiGroups: ["", apps]
              resources: [pods, deployments]
              verbs: [get, list]
            - nonResourceURLs: [/metrics]
              verbs: [get]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for kind in ["Role", "ClusterRole"] {
            for object in context.served(kind, ["rbac.authorization.k8s.io/v1"]) {
                RBACNames.checkName(object, &sink)
                if kind == "ClusterRole", let aggregation = object.node["aggregationRule"], aggregation.isMapping,
                   (aggregation["clusterRoleSelectors"]?.count ?? 0) == 0 {
                    sink.fieldError(object, at: aggregation["clusterRoleSelectors"] ?? object.node.pair(forKey: "aggregationRule")?.key,
                                    path: "aggregationRule.clusterRoleSelectors",
                                    .required("at least one clusterRoleSelector required if aggregationRule is non-nil"))
                }
                guard let rules = object.node["rules"], rules.isSequence else { continue }
                for rule in rules.items where rule.isMapping {
                    policyRule(rule, namespaced: kind == "Role", object, &sink)
                }
            }
        }
    }

    private func policyRule(_ rule: YAMLNode, namespaced: Bool, _ object: ObjectRef, _ sink: inout FindingSink) {
        let first = rule.pairs.first?.key ?? rule
        func count(_ key: String) -> Int { rule[key]?.isSequence == true ? rule[key]?.count ?? 0 : 0 }
        if count("verbs") == 0 {
            sink.fieldError(object, at: rule.pair(forKey: "verbs")?.key ?? first,
                            path: APIServerChecks.childPath(rule, "verbs", in: object),
                            .required("verbs must contain at least one value"))
        }
        if count("nonResourceURLs") > 0, let urls = rule["nonResourceURLs"] {
            if namespaced {
                sink.fieldError(object, at: urls, .invalid(APIServerChecks.list(urls), "namespaced rules cannot apply to non-resource URLs"),
                                hint: "non-resource URLs can be granted by a ClusterRole only")
            }
            if count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0 {
                sink.fieldError(object, at: urls, .invalid(
                    APIServerChecks.list(urls), "rules cannot apply to both regular resources and non-resource URLs"),
                    hint: "split the rule in two")
            }
            return
        }
        if count("apiGroups") == 0 {
            sink.fieldError(object, at: rule.pair(forKey: "apiGroups")?.key ?? first,
                            path: APIServerChecks.childPath(rule, "apiGroups", in: object),
                            .required("resource rules must supply at least one api group"),
                            hint: "use \"\" for the core group (pods, services, secrets)")
        }
        if count("resources") == 0 {
            sink.fieldError(object, at: rule.pair(forKey: "resources")?.key ?? first,
                            path: APIServerChecks.childPath(rule, "resources", in: object),
                            .required("resource rules must supply at least one resource"))
        }
    }
}

/// `ValidateRBACName` on `metadata.name` (the object-name rule leaves RBAC kinds alone).
enum RBACNames {
    static func checkName(_ object: ObjectRef, _ sink: inout FindingSink) {
        guard let node = object.nameNode, let name = node.text, !name.isEmpty else { return }
        for error in APIServerChecks.pathSegmentName(name) {
            sink.fieldError(object, at: node, .invalid(.string(name), error))
        }
    }
}
