import KubeModel
import KubeYAML

/// Container ports: containerPort 1–65535, hostPort, protocol, IANA_SVC_NAME names unique in the container,
/// and no host port claimed twice in a pod.
package struct ContainerPortRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-container-port",
        name: "Invalid Container Port",
        summary: "Ports are 1-65535 with TCP/UDP/SCTP; names are IANA service names (≤ 15 chars) unique per container",
        rationale: "The API server rejects the pod template; port names longer than 15 characters are the classic case schema validation misses.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(kubeScore: ["container-ports-check"]),
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
                ports:
                - containerPort: ↓70000
                - name: ↓metrics-exporter-http
                  containerPort: 9100
                - name: ↓Http
                  containerPort: 8080
                  protocol: ↓HTTP
                - name: admin
                  containerPort: 9000
                  hostPort: ↓-1
                - name: ↓admin
                  containerPort: 9001
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
                ports:
                - {name: http, containerPort: 8080}
                - {name: dns, containerPort: 53, protocol: UDP}
                - {name: metrics, containerPort: 9100, hostPort: 9100}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            var hostPorts = SmallSet<String>()
            for container in entry.containerNodes {
                var names = SmallSet<String>()
                for port in container.ports?.sequenceItems ?? [] where port.isMapping {
                    check(port, entry.ref, &names, &hostPorts, &sink)
                }
            }
        }
    }

    private func check(_ port: YAMLNode, _ object: ObjectRef, _ names: inout SmallSet<String>, _ hostPorts: inout SmallSet<String>,
                       _ sink: inout FindingSink) {
        if let nameNode = port["name"], let name = nameNode.text, !nameNode.isNull, !name.isEmpty {
            let errors = NameValidation.portName(name)
            for error in errors { sink.fieldError(object, at: nameNode, .invalid(.string(name), error)) }
            if errors.isEmpty, !names.insert(name).inserted {
                sink.fieldError(object, at: nameNode, .duplicate(.string(name)))
            }
        }
        let number = port["containerPort"]
        if let value = number?.integer, let number {
            for error in NameValidation.portNumber(Int(value)) {
                sink.fieldError(object, at: number, .invalid(.int(Int(value)), error))
            }
        } else if number == nil || number?.isNull == true {
            sink.fieldError(object, at: port.pairs.first?.key ?? port, pathOf: port, missingKey: "containerPort", .required(""))
        }
        let proto = port["protocol"]?.text ?? "TCP"
        if let protocolNode = port["protocol"], !["TCP", "UDP", "SCTP"].contains(proto) {
            sink.fieldError(object, at: protocolNode, .unsupported(.string(proto), ["SCTP", "TCP", "UDP"]))
        }
        if let host = port["hostPort"], let value = host.integer, value != 0 {
            let errors = NameValidation.portNumber(Int(value))
            for error in errors { sink.fieldError(object, at: host, .invalid(.int(Int(value)), error)) }
            let key = "\(port["hostIP"]?.text ?? "")/\(value)/\(proto)"
            if errors.isEmpty, !hostPorts.insert(key).inserted {
                sink.fieldError(object, at: host, .duplicate(.raw(FieldValue.quote("\(value)/\(proto)"))))
            }
        }
    }
}
