import KubeModel
import KubeYAML

/// Roles and ClusterRoles that let their subjects read Secrets.
package struct RBACSecretsAccessRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-secrets-access",
        name: "RBAC Secrets Access",
        summary: "A Role or ClusterRole can get, list or watch Secrets",
        rationale: """
            Reading Secrets yields ServiceAccount tokens, registry credentials and TLS keys, often of subjects more \
            powerful than the reader; `list` and `watch` return every Secret's data, not only names. Peers flag a \
            role that reads one Secret named in `resourceNames` the same way; that is the least-privilege form \
            of the grant and is not reported here.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["access-to-secrets"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: secret-reader
            rules:
            - apiGroups: [""]
              resources: [configmaps, ↓secrets]
              verbs: [get, list, watch]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: everything
              namespace: team-a
            rules:
            - apiGroups: ["*"]
              resources: [↓"*"]
              verbs: ["*"]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: cert-reader
              namespace: team-a
            rules:
            - apiGroups: [""]
              resources: [secrets]
              resourceNames: [web-tls]
              verbs: [get]
            - apiGroups: [""]
              resources: [secrets]
              verbs: [create]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: vault-reader
            rules:
            - apiGroups: [vault.example.com]
              resources: [secrets]
              verbs: [get]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard rule.coversCoreGroup, !rule.isNarrowedToNames, rule.grants(anyOf: ["get", "list", "watch"]),
                let resource = rule.resourceEntry(matching: ["secrets"])
            else { continue }
            sink.report(
                object, at: resource, "the role can read Secrets",
                hint: "name the Secrets in resourceNames, or mount them into the pods that need them")
        }
    }
}
