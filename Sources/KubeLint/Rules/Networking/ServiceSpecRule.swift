import KubeModel
import KubeYAML

/// Service specs: type, ports (numbers, names, uniqueness, protocol, targetPort), clusterIP `None` only for
/// ClusterIP, nodePort only where allocated and inside the range, ExternalName, session affinity timeout, IP
/// families (no repeat, two only with a dual-stack policy).
package struct ServiceSpecRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-service-spec",
        name: "Invalid Service Spec",
        summary: "Service ports are valid and unique (named when several), clusterIP/nodePort/externalName fit the type",
        rationale: "The API server rejects the Service; a nodePort outside the cluster's range is refused when it is allocated.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(kubeLinter: ["invalid-target-ports"]),
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - name: http
                port: 80
                targetPort: ↓web-server-http-port
              - ↓port: 443
                nodePort: ↓30443
              - name: ↓http
                port: ↓70000
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: NodePort
              clusterIP: ↓None
              selector: {app: web}
              ports: [{port: 80, nodePort: ↓80}]
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            ↓spec:
              type: ExternalName
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ipFamilyPolicy: ↓SingleStack
              ipFamilies: [IPv4, IPv6]
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: api
            spec:
              ipFamilyPolicy: PreferDualStack
              ipFamilies: [IPv4, ↓IPv4]
              selector: {app: api}
              ports: [{port: 80}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: NodePort
              selector: {app: web}
              sessionAffinity: ClientIP
              sessionAffinityConfig: {clientIP: {timeoutSeconds: 3600}}
              ports:
              - {name: http, port: 80, targetPort: http, nodePort: 30080}
              - {name: https, port: 443, targetPort: 8443}
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              type: ExternalName
              externalName: db.example.com.
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ipFamilyPolicy: RequireDualStack
              ipFamilies: [IPv6, IPv4]
              selector: {app: web}
              ports: [{port: 80}]
            """,
        ])

    /// `--kubernetes-version`'s minor number: strict IP and CIDR parsing from 1.36.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> ServiceSpecRule {
        ServiceSpecRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version the API server checks IPs for.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let range = context.manifestSet.cluster.nodePortRange
        for object in context.objects(ofKind: "Service") {
            guard let spec = object.spec, spec.isMapping else { continue }
            let specKey = object.node.pair(forKey: "spec")?.key
            let type = spec["type"]?.text ?? "ClusterIP"
            SpecChecks.oneOf(spec, "type", ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"], object, &sink)
            SpecChecks.oneOf(spec, "sessionAffinity", ["ClientIP", "None"], object, &sink)
            let clusterIP = spec["clusterIP"]
            if let clusterIP, clusterIP.text == "None", type != "ClusterIP", type != "ExternalName" {
                // The API server validates clusterIPs, which the REST layer fills from clusterIP before validation.
                sink.fieldError(object, at: clusterIP, path: "spec.clusterIPs[0]",
                                .invalid(.string("None"), "may not be set to 'None' for \(type) services"))
            } else if let clusterIP, let text = clusterIP.text, !text.isEmpty, text != "None" {
                for error in LegacyIPValidation.ipErrors(text, minor: minor(context)) {
                    sink.fieldError(object, at: clusterIP, .invalid(.string(text), error))
                }
            }
            if type == "ExternalName" {
                if let name = spec["externalName"], let text = name.text, !text.isEmpty {
                    let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
                    for error in NameValidation.dns1123Subdomain(trimmed) {
                        sink.fieldError(object, at: name, .invalid(.string(text), error))
                    }
                } else {
                    sink.fieldError(object, at: spec["externalName"] ?? specKey, pathOf: spec["externalName"] ?? spec,
                                    missingKey: spec["externalName"] == nil ? "externalName" : nil, .required(""))
                }
            } else if (spec["ports"]?.count ?? 0) == 0, clusterIP?.text != "None" {
                sink.fieldError(object, at: spec["ports"] ?? specKey, pathOf: spec["ports"] ?? spec,
                                missingKey: spec["ports"] == nil ? "ports" : nil, .required(""))
            }
            checkPorts(spec, type: type, range: range, object, &sink)
            checkIPFamilies(spec, object, &sink)
            checkExternalIPs(spec, minor: minor(context), object, &sink)
            if let timeout = spec["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"], let value = timeout.integral,
               !(1...86400).contains(value) {
                sink.fieldError(object, at: timeout, .invalid(.int(Int(value)), "must be greater than 0 and less than 86400"))
            }
        }
    }

    /// `ipFamilies`: at most two, no repeat; two families or two cluster IPs need a dual-stack policy (the
    /// Service REST storage's check, with its wording).
    private func checkIPFamilies(_ spec: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let families = spec["ipFamilies"]?.sequenceItems ?? []
        if families.count > 2, let node = spec["ipFamilies"] {
            sink.fieldError(object, at: node, .tooMany("\(families.count): must have at most 2 items"))
        }
        var seen: [String] = []
        for item in families {
            guard let text = item.text else { continue }
            if seen.contains(text) { sink.fieldError(object, at: item, .duplicate(.string(text))) }
            seen.append(text)
        }
        guard let policy = spec["ipFamilyPolicy"], policy.text == "SingleStack" else { return }
        let clusterIPs = (spec["clusterIPs"]?.sequenceItems ?? []).filter { $0.text != "None" }
        for (count, what) in [(clusterIPs.count, "clusterIPs"), (families.count, "ipFamilies")] where count == 2 {
            sink.fieldError(object, at: policy, .invalid(
                .string("SingleStack"), "must be RequireDualStack or PreferDualStack when multiple '\(what)' are specified"))
        }
    }

    private func checkPorts(_ spec: YAMLNode, type: String, range: ClosedRange<Int>, _ object: ObjectRef,
                            _ sink: inout FindingSink) {
        let ports = spec["ports"]?.sequenceItems ?? []
        // Lists, not sets: a Service has a few ports, and hashing cost more than comparing.
        var names: [String] = []
        var numbers: [(Int64, String)] = []
        for port in ports where port.isMapping {
            let first = port.pairs.first?.key ?? port
            if let nameNode = port["name"], let name = nameNode.text, !name.isEmpty {
                let errors = NameValidation.dns1123Label(name)
                for error in errors { sink.fieldError(object, at: nameNode, .invalid(.string(name), error)) }
                if errors.isEmpty {
                    if names.contains(name) { sink.fieldError(object, at: nameNode, .duplicate(.string(name))) }
                    names.append(name)
                }
            } else if ports.count > 1 {
                sink.fieldError(object, at: first, pathOf: port, missingKey: "name", .required(""),
                                hint: "a Service with several ports must name each of them")
            }
            let proto = port["protocol"]?.text ?? "TCP"
            SpecChecks.oneOf(port, "protocol", ["SCTP", "TCP", "UDP"], object, &sink)
            if let number = port["port"], let value = number.integer {
                let errors = NameValidation.portNumber(Int(value))
                for error in errors { sink.fieldError(object, at: number, .invalid(.int(Int(value)), error)) }
                if errors.isEmpty {
                    if numbers.contains(where: { $0.0 == value && $0.1 == proto }) {
                        sink.fieldError(object, at: number, pathOf: port,
                                        .duplicate(.raw("{\"port\":\(value),\"protocol\":\(FieldValue.quote(proto))}")))
                    }
                    numbers.append((value, proto))
                }
            } else if port["port"] == nil {
                sink.fieldError(object, at: first, pathOf: port, missingKey: "port", .required(""))
            }
            if let target = port["targetPort"], !target.isNull {
                if let value = target.integer {
                    if value != 0 {
                        for error in NameValidation.portNumber(Int(value)) {
                            sink.fieldError(object, at: target, .invalid(.int(Int(value)), error))
                        }
                    }
                } else if let text = target.text {
                    for error in NameValidation.portName(text) {
                        sink.fieldError(object, at: target, .invalid(.string(text), error))
                    }
                }
            }
            guard let nodePort = port["nodePort"], let value = nodePort.integer, value != 0 else { continue }
            if type == "ClusterIP" || type == "ExternalName" {
                sink.fieldError(object, at: nodePort, .forbidden("may not be used when `type` is '\(type)'"))
            } else if !range.contains(Int(value)) {
                sink.fieldError(object, at: nodePort, .invalid(
                    .int(Int(value)),
                    "provided port is not in the valid range. The range of valid ports is \(range.lowerBound)-\(range.upperBound)"))
            }
        }
    }
}
