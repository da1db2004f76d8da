import KubeModel
import KubeYAML

/// Privileged containers.
package struct PrivilegedContainerRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "privileged-container",
        name: "Privileged Container",
        summary: "A container runs privileged",
        rationale: "A privileged container has every capability and the host's devices: escaping it is trivial.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["privileged-container"], kubeScore: ["container-security-context-privileged"], polaris: ["runAsPrivileged"], checkov: ["CKV_K8S_16"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
              - name: agent
                image: agent:1.0
                securityContext: {privileged: ↓true}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
              - name: agent
                image: agent:1.0
                securityContext: {privileged: false, capabilities: {add: [NET_ADMIN]}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.containerNodes {
                guard let node = container.securityContext?["privileged"], node.bool == true else { continue }
                sink.report(entry.ref, at: node, "container \(FieldValue.quote(container.name?.text ?? "")) runs privileged",
                            hint: "grant only the capabilities it needs")
            }
        }
    }
}
