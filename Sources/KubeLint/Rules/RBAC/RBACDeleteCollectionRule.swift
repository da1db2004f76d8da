import KubeModel
import KubeYAML

/// Roles and ClusterRoles that can delete whole collections of sensitive resources in one request.
package struct RBACDeleteCollectionRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-deletecollection",
        name: "RBAC Delete Collection",
        summary: "A Role or ClusterRole grants deletecollection on Secrets, Pods, ConfigMaps, Deployments, Namespaces",
        rationale: """
            One `deletecollection` request removes every object of the type in the namespace (or, through a \
            ClusterRole binding, in all of them) at once. A subject with delete and list can do the same one \
            object at a time, so this is about blast radius and audit, not a new capability: opt-in, info. \
            Controllers that garbage-collect their own objects need it on those types only.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["deletecollection-verb-in-role"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: janitor
              namespace: team-a
            rules:
            - apiGroups: [""]
              resources: [pods, configmaps]
              verbs: [list, delete, ↓deletecollection]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: job-cleaner
              namespace: team-a
            rules:
            - apiGroups: [batch]
              resources: [jobs]
              verbs: [deletecollection]
            """
        ])

    static let sensitive: Set<String> = ["secrets", "pods", "configmaps", "deployments", "namespaces"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) where rule.names(anyOf: Self.sensitive) {
            for verb in rule.explicitVerbs(["deletecollection"]) {
                sink.report(
                    object, at: verb.node, "the role can delete every object of a sensitive type in one request",
                    hint: "grant delete on the objects the subject manages, or deletecollection on its own types only")
            }
        }
    }
}
