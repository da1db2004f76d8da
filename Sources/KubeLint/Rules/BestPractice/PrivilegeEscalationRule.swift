import KubeModel
import KubeYAML

/// Containers that explicitly allow privilege escalation or add CAP_SYS_ADMIN.
package struct PrivilegeEscalationRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "privilege-escalation-allowed",
        name: "Privilege Escalation Allowed",
        summary: "A container sets allowPrivilegeEscalation: true or adds SYS_ADMIN",
        rationale: "setuid binaries can then gain more privileges than the container process started with.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["privilege-escalation-container"], polaris: ["privilegeEscalationAllowed"], checkov: ["CKV_K8S_20", "CKV_K8S_39"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
            spec:
              containers:
              - name: tool
                image: tool:1.0
                securityContext:
                  allowPrivilegeEscalation: ↓true
                  capabilities: {add: [↓SYS_ADMIN]}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
            spec:
              containers:
              - name: tool
                image: tool:1.0
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.containerNodes {
                let name = FieldValue.quote(container.name?.text ?? "")
                if let node = container.securityContext?["allowPrivilegeEscalation"], node.bool == true {
                    sink.report(entry.ref, at: node, "container \(name) allows privilege escalation",
                                hint: "set allowPrivilegeEscalation: false")
                }
                for capability in container.securityContext?["capabilities"]?["add"]?.sequenceItems ?? [] {
                    guard let text = capability.text, text == "SYS_ADMIN" || text == "CAP_SYS_ADMIN" else { continue }
                    sink.report(entry.ref, at: capability, "container \(name) adds \(text), which allows escalation",
                                hint: "drop SYS_ADMIN; grant narrower capabilities")
                }
            }
        }
    }
}
