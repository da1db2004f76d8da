import KubeModel
import KubeYAML

/// Probes: exactly one handler, a named port that the container declares, and successThreshold 1 for
/// liveness and startup probes.
package struct ProbeRule: Rule {
    static let handlers = ["exec", "httpGet", "tcpSocket", "grpc"]

    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-probe",
        name: "Invalid Probe",
        summary: "Probes have exactly one handler, named ports exist on the container, liveness successThreshold is 1",
        rationale: "The API server rejects a probe without or with two handlers; a probe on a port name the container does not declare fails forever, so the pod never becomes ready or restarts in a loop.",
        kind: .apiServer, severity: .error,
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
                readinessProbe:
                  httpGet: {path: /healthz, port: ↓health}
                livenessProbe:
                  ↓tcpSocket: {port: 8080}
                  exec: {command: [true]}
                startupProbe:
                  ↓periodSeconds: 5
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
                readinessProbe:
                  httpGet: {path: /healthz, port: http}
                livenessProbe:
                  tcpSocket: {port: 8080}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.containerNodes {
                for kind in ["livenessProbe", "readinessProbe", "startupProbe"] {
                    guard let probe = container[kind], probe.isMapping else { continue }
                    check(probe, kind: kind, ports: container.ports, entry.ref, &sink)
                }
            }
        }
    }

    /// Whether a container's `ports` list names a port `name` (compared in place; most probes use numbers).
    private static func declares(_ ports: YAMLNode?, _ name: String) -> Bool {
        guard let ports, ports.isSequence else { return false }
        for item in ports.items { if let portName = item["name"], portName.text == name { return true } }
        return false
    }

    private func check(_ probe: YAMLNode, kind: String, ports: YAMLNode?, _ object: ObjectRef,
                       _ sink: inout FindingSink) {
        var present: [YAMLNode] = []
        var firstKey: YAMLNode?
        for (key, value) in probe.pairs {
            if firstKey == nil { firstKey = key }
            guard !value.isNull, Self.handlers.contains(where: { key.textEquals($0) }) else { continue }
            present.append(key)
        }
        if present.isEmpty {
            sink.fieldError(object, at: firstKey ?? probe, pathOf: probe,
                            .required("must specify a handler type"), hint: "add one of httpGet, tcpSocket, grpc or exec")
        } else if present.count > 1 {
            sink.fieldError(object, at: present[0], pathOf: present[1],
                            .forbidden("may not specify more than 1 handler type"))
        }
        for handler in ["httpGet", "tcpSocket"] {
            guard let port = probe[handler]?["port"], port.scalarType == .string, let name = port.text else { continue }
            let errors = NameValidation.portName(name)
            for error in errors { sink.fieldError(object, at: port, .invalid(.string(name), error)) }
            if errors.isEmpty, !Self.declares(ports, name) {
                sink.fieldError(object, at: port, .notFound(.string(name), "the container declares no port with this name"),
                                hint: "name the port in the container's ports, or use its number")
            }
        }
        for handler in ["httpGet", "tcpSocket", "grpc"] {
            guard let port = probe[handler]?["port"], let value = port.integral else { continue }
            for error in NameValidation.portNumber(Int(clamping: value)) {
                sink.fieldError(object, at: port, .invalid(.int(Int(value)), error))
            }
        }
        SpecChecks.nonNegative(
            probe, ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"],
            object, &sink)
        if let grace = probe["terminationGracePeriodSeconds"], let value = grace.integral, value <= 0 {
            sink.fieldError(object, at: grace, .invalid(.int(Int(value)), "must be greater than 0"))
        }
        if kind != "readinessProbe", let threshold = probe["successThreshold"], let value = threshold.integer, value != 1 {
            sink.fieldError(object, at: threshold, .invalid(.int(Int(value)), "must be 1"))
        }
    }
}
