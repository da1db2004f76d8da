import KubeModel
import KubeYAML

/// Roles and ClusterRoles that can approve certificate requests for any signer.
package struct RBACApproveSignersRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-approve-signers",
        name: "RBAC Approve Any Signer",
        summary: "A ClusterRole grants approve on signers without resourceNames",
        rationale: """
            Approving a CertificateSigningRequest takes update on `certificatesigningrequests/approval` and \
            `approve` on the request's signer. Without resourceNames the subject may approve for every signer, \
            `kubernetes.io/kube-apiserver-client` included: it can mint a client certificate for any user or \
            group, `system:masters` too. Checkov's CKV_K8S_156 also fails the approval subresource alone, which \
            approves nothing without the signer verb. `*` verbs are reported by rbac-wildcard.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["approve-signers-without-resource-names"], checkov: ["CKV_K8S_156"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: csr-approver
            rules:
            - apiGroups: [certificates.k8s.io]
              resources: [certificatesigningrequests/approval]
              verbs: [update]
            - apiGroups: [certificates.k8s.io]
              resources: [signers]
              verbs: [↓approve]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: serving-cert-approver
            rules:
            - apiGroups: [certificates.k8s.io]
              resources: [signers]
              resourceNames: [example.com/serving]
              verbs: [approve]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            // Signers are cluster-scoped: a Role cannot grant on them.
            guard object.kind == "ClusterRole", !rule.isNarrowedToNames, rule.covers(group: "certificates.k8s.io"),
                rule.names(anyOf: ["signers"])
            else { continue }
            for verb in rule.explicitVerbs(["approve"]) {
                sink.report(
                    object, at: verb.node,
                    "the role can approve certificates of every signer, client certificates for any user included",
                    hint: "name the signers the subject approves for in resourceNames")
            }
        }
    }
}
