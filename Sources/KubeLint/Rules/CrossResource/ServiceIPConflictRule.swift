import KubeModel
import KubeYAML

/// Two Services claiming the same clusterIP, or the same nodePort.
package struct ServiceIPConflictRule: Rule {
    package static let description = RuleDescription(
        id: "service-ip-conflict",
        name: "Service IP Or NodePort Conflict",
        summary: "Two Services ask for the same clusterIP or the same nodePort",
        rationale: "The allocator refuses the second one (`provided IP is already allocated`, `provided port is already allocated`).",
        kind: .crossResource, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: a
            spec:
              type: NodePort
              clusterIP: 10.96.0.50
              ports: [{port: 80, nodePort: 30080}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: b
            spec:
              type: NodePort
              clusterIP: ↓10.96.0.50
              ports: [{port: 80, nodePort: ↓30080}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: a
            spec:
              clusterIP: None
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: b
            spec:
              clusterIP: None
              type: ClusterIP
              ports: [{port: 80}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var addresses: [String: (ObjectRef, YAMLNode)] = [:]
        var nodePorts: [Int: (ObjectRef, YAMLNode)] = [:]
        for object in context.objects(ofKind: "Service") {
            // Only the two fields read, not a copy of the whole Service.
            guard let ports = object.service?.spec.ports else { continue }
            if let ip = object.service?.spec.clusterIP, !ip.isEmpty, ip != "None", let node = object.spec?["clusterIP"] {
                if let (earlier, earlierNode) = addresses[ip], earlier.index != object.index {
                    sink.report(object, at: node, "clusterIP \(ip) is also claimed by Service \(earlier.namespace)/\(earlier.name)",
                                notes: [DiagnosticNote(message: "the other claim", range: earlierNode.range)])
                } else {
                    addresses[ip] = (object, node)
                }
            }
            var own = Set<Int>()
            for port in ports {
                guard let value = port.nodePort, value != 0, let node = port.node?["nodePort"], own.insert(value).inserted else { continue }
                if let (earlier, earlierNode) = nodePorts[value] {
                    sink.report(object, at: node, "nodePort \(value) is also claimed by Service \(earlier.namespace)/\(earlier.name)",
                                notes: [DiagnosticNote(message: "the other claim", range: earlierNode.range)])
                } else {
                    nodePorts[value] = (object, node)
                }
            }
        }
    }
}
