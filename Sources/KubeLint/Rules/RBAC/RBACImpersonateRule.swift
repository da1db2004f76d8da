import KubeModel
import KubeYAML

/// Roles and ClusterRoles that let their subjects impersonate any user, group or ServiceAccount.
package struct RBACImpersonateRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-impersonate",
        name: "RBAC Impersonate",
        summary: "A Role or ClusterRole grants impersonate on users, groups or ServiceAccounts without resourceNames",
        rationale: """
            Impersonation makes each request run as the named identity: impersonating any group includes \
            `system:masters`, which the API server authorizes for everything without consulting RBAC. A \
            ClusterRole (or a Role, for ServiceAccounts of its namespace) with the verb and no resourceNames is \
            therefore cluster-admin. Narrowed to named identities it is the supported delegation and is not \
            reported. `*` verbs are reported by rbac-wildcard.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["impersonate-without-resource-names"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: support
            rules:
            - apiGroups: [""]
              resources: [users, groups]
              verbs: [↓impersonate]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: ci-impersonator
            rules:
            - apiGroups: [""]
              resources: [serviceaccounts]
              resourceNames: [deployer]
              verbs: [impersonate]
            """
        ])

    /// The impersonable resources: users, groups and ServiceAccounts of the core group, and the user extras and
    /// UIDs of authentication.k8s.io.
    static let identities: Set<String> = ["users", "groups", "serviceaccounts", "userextras", "uids"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard !rule.isNarrowedToNames, rule.covers(group: "") || rule.covers(group: "authentication.k8s.io"),
                rule.names(anyOf: Self.identities)
            else { continue }
            for verb in rule.explicitVerbs(["impersonate"]) {
                sink.report(
                    object, at: verb.node, "the role can impersonate any identity it names, system:masters included",
                    hint: "list the identities the subject may impersonate in resourceNames")
            }
        }
    }
}
