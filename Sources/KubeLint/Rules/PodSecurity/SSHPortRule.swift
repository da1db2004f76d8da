import KubeModel
import KubeYAML

/// Containers exposing TCP port 22.
package struct SSHPortRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ssh-port",
        name: "SSH Port",
        summary: "A container declares TCP port 22 (SSH)",
        rationale: """
            An SSH server in a container is a second way in, with its own keys to rotate, next to `kubectl exec` \
            which is audited and governed by RBAC. Git servers are the usual legitimate case; suppress it there.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["ssh-port"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: jump
            spec:
              containers:
              - name: sshd
                image: openssh-server:9.7
                ports: [{name: ssh, containerPort: ↓22}]
            """
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
                ports: [{containerPort: 8080}, {containerPort: 22, protocol: UDP}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for container in pod.containerNodes {
                guard let ports = container.ports, ports.isSequence else { continue }
                for port in ports.items {
                    guard let node = port["containerPort"], node.int == 22, (port["protocol"]?.text ?? "TCP") == "TCP"
                    else { continue }
                    sink.report(
                        pod.ref, at: node, "container \(PodSecurity.name(container)) exposes TCP port 22 (SSH)",
                        hint: "use kubectl exec for shell access; keep port 22 for a vetted SSH or Git server")
                }
            }
        }
    }
}
