import KubeModel
import KubeYAML

/// A probe on a numeric port that the container, which does declare ports, does not list.
package struct ProbePortNotExposedRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "probe-port-not-exposed",
        name: "Probe Port Not Exposed",
        summary: "A liveness, readiness or startup probe targets a numeric port the container's ports do not list",
        rationale: "A probe on a port nothing serves fails forever: the pod never becomes ready, or is restarted in a loop. kube-linter also reports containers that declare no ports at all, but `ports` is informational and many images serve without listing them, so kubec only compares when the container lists some. A named port that does not exist is `invalid-probe`.",
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["liveness-port", "readiness-port", "startup-port"]),
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
                ports: [{name: http, containerPort: 8080}]
                livenessProbe: {httpGet: {path: /healthz, port: ↓80}}
                startupProbe: {tcpSocket: {port: ↓8081}}
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
                ports: [{name: http, containerPort: 8080}]
                livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                readinessProbe: {httpGet: {path: /ready, port: http}}
              - name: worker
                image: worker:1.0
                livenessProbe: {tcpSocket: {port: 9000}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let containers = entry.template.spec.containers
            for index in containers.indices where !containers[index].ports.isEmpty {
                // Element by element in place: a `let` copy of the container retains each of its fields.
                if containers[index].livenessProbe != nil {
                    Self.check("livenessProbe", containers[index].livenessProbe, of: containers[index], entry.ref, &sink)
                }
                if containers[index].readinessProbe != nil {
                    Self.check("readinessProbe", containers[index].readinessProbe, of: containers[index], entry.ref, &sink)
                }
                if containers[index].startupProbe != nil {
                    Self.check("startupProbe", containers[index].startupProbe, of: containers[index], entry.ref, &sink)
                }
            }
        }
    }

    private static func check(
        _ field: String, _ probe: Probe?, of container: Container, _ ref: ObjectRef, _ sink: inout FindingSink
    ) {
        guard let probe, case .int(let port)? = probe.port,
              !container.ports.contains(where: { $0.containerPort == port }) else { return }
        sink.report(ref, at: portNode(probe) ?? probe.node,
                    "\(field) of container \(FieldValue.quote(container.name)) probes port \(port), which the container does not list",
                    hint: "probe a port of `ports` (by name), or add the port the process serves on")
    }

    /// The `port` value of the probe's handler.
    private static func portNode(_ probe: Probe) -> YAMLNode? {
        guard let node = probe.node else { return nil }
        for handler in ["httpGet", "tcpSocket", "grpc"] {
            if let port = node[handler]?["port"] { return port }
        }
        return nil
    }
}
