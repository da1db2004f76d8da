import KubeModel
import KubeYAML

/// The same object (group, kind, namespace, name) defined twice in the input.
package struct DuplicateObjectRule: Rule {
    package static let description = RuleDescription(
        id: "duplicate-object",
        name: "Duplicate Object",
        summary: "Two documents define the same group, kind, namespace and name",
        rationale: "`kubectl apply` applies both and the last one wins silently; usually a copy that was meant to be renamed.",
        kind: .crossResource, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data: {mode: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ↓settings
              namespace: default
            data: {mode: b}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: a
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: b
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // The model's index already groups by kind, namespace and name; only groups of two or more can clash.
        for (_, positions) in context.manifestSet.index.byKey where positions.count > 1 {
            var first: [String: ObjectRef] = [:]
            for position in positions.sorted() {
                let object = context.allObjects[position]
                guard !object.identity.isGenerated else { continue }
                let group = object.identity.group
                guard let earlier = first[group] else {
                    first[group] = object
                    continue
                }
                let node = object.metadata?["name"] ?? object.node
                sink.report(object, at: node,
                            "\(object.kind) \(object.namespace.isEmpty ? "" : object.namespace + "/")\(object.name) is already defined at \(earlier.node.file):\(earlier.node.location.line)",
                            hint: "rename one of them or remove the copy",
                            notes: [DiagnosticNote(message: "first definition", range: earlier.node.range)])
            }
        }
    }
}

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
            guard case .service(let service) = object.kubeObject else { continue }
            if let ip = service.spec.clusterIP, !ip.isEmpty, ip != "None", let node = object.spec?["clusterIP"] {
                if let (earlier, earlierNode) = addresses[ip], earlier.index != object.index {
                    sink.report(object, at: node, "clusterIP \(ip) is also claimed by Service \(earlier.namespace)/\(earlier.name)",
                                notes: [DiagnosticNote(message: "the other claim", range: earlierNode.range)])
                } else {
                    addresses[ip] = (object, node)
                }
            }
            var own = Set<Int>()
            for port in service.spec.ports {
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
