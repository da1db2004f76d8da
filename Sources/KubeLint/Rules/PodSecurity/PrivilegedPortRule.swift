import KubeModel
import KubeYAML

/// Container ports below 1024.
package struct PrivilegedPortRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "privileged-port",
        name: "Privileged Port",
        summary: "A container declares a containerPort below 1024",
        rationale: """
            Binding a port below 1024 traditionally needs root or NET_BIND_SERVICE, so such images tend to run \
            as root. Opt-in: containerd and CRI-O set net.ipv4.ip_unprivileged_port_start to 0 in the pod's \
            network namespace, so an unprivileged process can bind port 80 there, and a Service can map any \
            port to a high targetPort anyway. kube-linter counts 1024 itself as privileged; Linux does not.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["privileged-ports"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports: [{containerPort: ↓80}, {containerPort: 1024}, {containerPort: 8443}]
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
                ports: [{name: http, containerPort: 8080}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for container in pod.containerNodes {
                guard let ports = container.ports, ports.isSequence else { continue }
                for port in ports.items {
                    guard let node = port["containerPort"], let value = node.int, value > 0, value < 1024 else {
                        continue
                    }
                    sink.report(
                        pod.ref, at: node,
                        "container \(PodSecurity.name(container)) listens on privileged port \(value)",
                        hint: "listen on a port from 1024 up and map the Service's port to it")
                }
            }
        }
    }
}
