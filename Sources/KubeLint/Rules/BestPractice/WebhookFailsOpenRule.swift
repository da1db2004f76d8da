import KubeModel
import KubeYAML

/// Admission webhooks that let requests through when the webhook cannot be reached.
package struct WebhookFailsOpenRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "webhook-fails-open",
        name: "Webhook Fails Open",
        summary: "A validating or mutating admission webhook sets failurePolicy: Ignore",
        rationale: """
            With Ignore, a request is admitted unchecked whenever the webhook times out or is down, so taking \
            the webhook's pods down (or making them slow) switches off the policy it enforces. Fail is the \
            default of admissionregistration.k8s.io/v1. Opt-in: webhooks that only add defaults or telemetry \
            are meant to fail open; a policy webhook with Fail needs replicas and a PodDisruptionBudget.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["webhook-failure-policy-ignore"]),
        triggering: [
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: policy
            webhooks:
            - name: validate.policy.example.com
              failurePolicy: ↓Ignore
              clientConfig: {service: {name: policy, namespace: policy}}
              rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]
              sideEffects: None
              admissionReviewVersions: [v1]
            """
        ],
        nonTriggering: [
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: policy
            webhooks:
            - name: validate.policy.example.com
              clientConfig: {service: {name: policy, namespace: policy}}
              rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]
              sideEffects: None
              admissionReviewVersions: [v1]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for kind in ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"] {
            for object in context.objects(ofKind: kind)
            where object.identity.apiVersion.hasPrefix("admissionregistration.k8s.io/") {
                guard let webhooks = object.node["webhooks"] else { continue }
                for webhook in webhooks.items {
                    guard let policy = webhook["failurePolicy"], policy.text == "Ignore" else { continue }
                    let name = webhook["name"]?.text ?? ""
                    sink.report(
                        object, at: policy,
                        "webhook \(FieldValue.quote(name)) admits every request it cannot reach "
                            + "(failurePolicy: Ignore)",
                        hint: "set failurePolicy: Fail and run the webhook with several replicas "
                            + "and a PodDisruptionBudget")
                }
            }
        }
    }
}
