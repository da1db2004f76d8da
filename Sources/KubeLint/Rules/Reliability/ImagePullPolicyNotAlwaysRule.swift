import KubeModel
import KubeYAML

/// Containers whose images are not pulled at every start.
package struct ImagePullPolicyNotAlwaysRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "image-pull-policy-not-always",
        name: "Image Pull Policy Not Always",
        summary: "A container's effective imagePullPolicy is not Always",
        rationale: "With Always the kubelet checks the registry (and the pod's pull credentials) at every start, so a pod cannot use an image cached on the node that its own credentials could not pull. Opt-in: with pinned tags or digests it only adds registry traffic and a dependency on the registry at restart.",
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeScore: ["container-image-pull-policy"], polaris: ["pullPolicyNotAlways"], checkov: ["CKV_K8S_15"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - ↓name: web
                image: nginx:1.27
              - name: sidecar
                image: envoy:1.31
                imagePullPolicy: ↓IfNotPresent
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                imagePullPolicy: Always
              - name: tools
                image: busybox:latest
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.template.spec.allContainers {
                let tag = ImageTagRule.tag(of: container.image)
                // The API default: Always for latest or no tag, IfNotPresent otherwise.
                let effective = container.imagePullPolicy ?? ((tag == nil || tag == "latest") ? "Always" : "IfNotPresent")
                guard effective != "Always" else { continue }
                sink.report(entry.ref, at: container.node?["imagePullPolicy"] ?? WorkloadFacts.anchor(container),
                            "container \(FieldValue.quote(container.name)) has imagePullPolicy \(effective)",
                            hint: "set imagePullPolicy: Always")
            }
        }
    }
}
