import KubeModel
import KubeYAML

/// ClusterRoles that can create or change admission webhook configurations.
package struct RBACWebhookConfigurationRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-webhook-configuration",
        name: "RBAC Admission Webhook Configuration",
        summary: "A ClusterRole can create, update or patch mutating or validating webhook configurations",
        rationale: """
            A mutating webhook sees and may rewrite every object it registers for, Secrets and Pods included; \
            changing a validating webhook's rules or failure policy switches off the policy it enforces. Whoever \
            writes these configurations controls admission for the cluster. Opt-in: certificate injectors and \
            policy engines patch their own webhook configurations; narrowed to those with resourceNames they are \
            not reported. `*` verbs are reported by rbac-wildcard.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(checkov: ["CKV_K8S_155"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: policy-installer
            rules:
            - apiGroups: [admissionregistration.k8s.io]
              resources: [validatingwebhookconfigurations, mutatingwebhookconfigurations]
              verbs: [get, list, ↓create, ↓patch]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: cainjector
            rules:
            - apiGroups: [admissionregistration.k8s.io]
              resources: [validatingwebhookconfigurations]
              resourceNames: [my-webhook]
              verbs: [get, update, patch]
            """
        ])

    static let configurations: Set<String> = ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard object.kind == "ClusterRole", !rule.isNarrowedToNames,
                rule.covers(group: "admissionregistration.k8s.io"), rule.names(anyOf: Self.configurations)
            else { continue }
            for verb in rule.explicitVerbs(["create", "update", "patch"]) {
                sink.report(
                    object, at: verb.node,
                    "the role can \(verb.text) admission webhook configurations, and so decide what the cluster admits",
                    hint: "name the webhook configurations the subject manages in resourceNames")
            }
        }
    }
}
