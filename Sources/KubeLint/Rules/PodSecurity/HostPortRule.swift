import KubeModel
import KubeYAML

/// Container ports that bind a port of the node (`hostPort`).
package struct HostPortRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "host-port",
        name: "Host Port",
        summary: "A container port sets hostPort: the pod binds that port on its node",
        rationale: """
            A hostPort exposes the pod on every address of its node, around NetworkPolicies that select on pod \
            addresses, and only one pod per node can hold each port, which limits where replicas can go. \
            The Pod Security baseline level refuses it. Pods with hostNetwork are skipped: there every \
            containerPort is a host port anyway (the API server fills hostPort in), and host-namespaces reports \
            hostNetwork itself.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(polaris: ["hostPortSet"], checkov: ["CKV_K8S_26"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: ingress
            spec:
              selector: {matchLabels: {app: ingress}}
              template:
                metadata: {labels: {app: ingress}}
                spec:
                  containers:
                  - name: controller
                    image: ingress-nginx/controller:v1.11.2
                    ports:
                    - {name: http, containerPort: 80, hostPort: ↓80}
                    - {name: metrics, containerPort: 10254}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              hostNetwork: true
              containers:
              - name: agent
                image: agent:1.0
                ports: [{containerPort: 9100, hostPort: 9100}]
              - name: web
                image: nginx:1.27
                ports: [{containerPort: 8080, hostPort: 0}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods where pod.podSpec.hostNetwork?.bool != true {
            for container in pod.containerNodes {
                guard let ports = container.ports, ports.isSequence else { continue }
                for port in ports.items {
                    guard let node = port["hostPort"], let value = node.int, value > 0 else { continue }
                    let proto = port["protocol"]?.text ?? "TCP"
                    sink.report(
                        pod.ref, at: node,
                        "container \(PodSecurity.name(container)) binds port \(value)/\(proto) on its node (hostPort)",
                        hint: "remove hostPort and reach the pod through a Service (NodePort or LoadBalancer)")
                }
            }
        }
    }
}
