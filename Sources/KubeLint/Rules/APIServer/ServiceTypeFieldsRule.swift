import KubeModel
import KubeYAML

/// The Service fields each type may carry (`ValidateService`, `ValidateServiceClusterIPsRelatedFields`,
/// `validateServiceExternalTrafficPolicy`), beyond `invalid-service-spec`: ExternalName Services carry no
/// cluster IPs or IP families; LoadBalancer-only fields on other types; externalTrafficPolicy and
/// healthCheckNodePort only where traffic comes from outside; the kubelet port on a load balancer; duplicate
/// node ports; clusterIPs agreeing with clusterIP; known ipFamilies, ipFamilyPolicy and internalTrafficPolicy.
package struct ServiceTypeFieldsRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-service-type-fields",
        name: "Invalid Service Fields For Type",
        summary: "Service fields fit the type: nothing IP-related on ExternalName, LoadBalancer-only fields on LoadBalancers, traffic policies where they apply",
        rationale: """
            The API server refuses the Service. Charts that template one Service for every type often leave \
            loadBalancerSourceRanges or externalTrafficPolicy on a ClusterIP Service.
            """,
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              type: ExternalName
              externalName: db.example.com
              clusterIP: ↓None
              ipFamilyPolicy: ↓SingleStack
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              ↓loadBalancerSourceRanges: [10.0.0.0/8]
              ↓allocateLoadBalancerNodePorts: false
              externalTrafficPolicy: ↓Local
              healthCheckNodePort: ↓30100
              sessionAffinity: None
              ↓sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: edge
            spec:
              type: LoadBalancer
              selector: {app: edge}
              loadBalancerSourceRanges: [↓10.0.0.0/33]
              ports:
              - {name: kubelet, port: ↓10250, nodePort: 30001}
              - {name: web, port: 80, nodePort: ↓30001}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: edge
            spec:
              type: LoadBalancer
              selector: {app: edge}
              loadBalancerSourceRanges: [203.0.113.0/24]
              allocateLoadBalancerNodePorts: false
              externalTrafficPolicy: Local
              healthCheckNodePort: 30100
              ports: [{port: 443, targetPort: 8443}]
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              type: ExternalName
              externalName: db.example.com
              clusterIP: ""
            """,
        ])

    private static let lbOnly = "may only be used when `type` is 'LoadBalancer'"

    /// `--kubernetes-version`'s minor number: strict IP and CIDR parsing from 1.36.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> ServiceTypeFieldsRule {
        ServiceTypeFieldsRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version the API server checks IPs for.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("Service", ["v1"]) {
            guard let spec = object.spec, spec.isMapping else { continue }
            let type = APIServerChecks.text(spec, "type") ?? "ClusterIP"
            if type == "ExternalName" {
                externalName(spec, object, &sink)
            } else {
                clusterIPs(spec, object, &sink)
            }
            loadBalancerFields(spec, type: type, minor: minor(context), object, &sink)
            trafficPolicies(spec, type: type, object, &sink)
            ports(spec, type: type, object, &sink)
            if (APIServerChecks.text(spec, "sessionAffinity") ?? "None") == "None", APIServerChecks.isSet(spec, "sessionAffinityConfig") {
                sink.fieldError(object, at: spec.pair(forKey: "sessionAffinityConfig")?.key, pathOf: spec["sessionAffinityConfig"],
                                .forbidden("must not be set when session affinity is None"),
                                hint: "set sessionAffinity: ClientIP, or drop sessionAffinityConfig")
            }
            SpecChecks.oneOf(spec, "internalTrafficPolicy", ["Cluster", "Local"], object, &sink)
        }
    }

    /// ExternalName Services: no clusterIP(s), ipFamilies or ipFamilyPolicy (a clusterIP is copied into
    /// clusterIPs before validation, so `clusterIP: None` is refused too).
    private func externalName(_ spec: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let clusterIP = APIServerChecks.text(spec, "clusterIP") ?? ""
        let listed = spec["clusterIPs"]?.isSequence == true && (spec["clusterIPs"]?.count ?? 0) > 0
        if !clusterIP.isEmpty || listed {
            sink.fieldError(object, at: listed ? spec["clusterIPs"] : spec["clusterIP"], path: "spec.clusterIPs",
                            .forbidden("may not be set for ExternalName services"),
                            hint: "an ExternalName Service is a DNS CNAME and has no cluster IP; remove clusterIP")
        }
        if spec["ipFamilies"]?.isSequence == true, (spec["ipFamilies"]?.count ?? 0) > 0 {
            sink.fieldError(object, at: spec["ipFamilies"], .forbidden("may not be set for ExternalName services"))
        }
        if APIServerChecks.isSet(spec, "ipFamilyPolicy") {
            sink.fieldError(object, at: spec["ipFamilyPolicy"], .forbidden("may not be set for ExternalName services"))
        }
    }

    /// clusterIPs agree with clusterIP; families and policy are known values.
    private func clusterIPs(_ spec: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let clusterIP = APIServerChecks.text(spec, "clusterIP") ?? ""
        if let list = spec["clusterIPs"], list.isSequence, list.count > 0 {
            if clusterIP.isEmpty {
                sink.fieldError(object, at: list, .invalid(APIServerChecks.list(list), "must be empty when `clusterIP` is not specified"))
            } else if list.items.first?.text != clusterIP {
                sink.fieldError(object, at: list, .invalid(APIServerChecks.list(list), "first value must match `clusterIP`"))
            }
        }
        for family in spec["ipFamilies"]?.sequenceItems ?? [] {
            if let text = family.text, text != "IPv4", text != "IPv6" {
                sink.fieldError(object, at: family, .unsupported(.string(text), ["IPv4", "IPv6"]))
            }
        }
        SpecChecks.oneOf(spec, "ipFamilyPolicy", ["PreferDualStack", "RequireDualStack", "SingleStack"], object, &sink)
    }

    private func loadBalancerFields(
        _ spec: YAMLNode, type: String, minor: Int, _ object: ObjectRef, _ sink: inout FindingSink
    ) {
        let isLB = type == "LoadBalancer"
        if let ranges = spec["loadBalancerSourceRanges"], ranges.isSequence, ranges.count > 0 {
            // The API server's path keeps the field's historical capital L.
            if !isLB {
                sink.fieldError(object, at: spec.pair(forKey: "loadBalancerSourceRanges")?.key,
                                path: "spec.LoadBalancerSourceRanges", .forbidden(Self.lbOnly))
            }
            for (index, item) in ranges.items.enumerated() {
                let text = String((item.text ?? "").drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
                for error in LegacyIPValidation.cidrErrors(text, minor: minor) {
                    sink.fieldError(object, at: item, path: "spec.LoadBalancerSourceRanges[\(index)]",
                                    .invalid(.string(text), error))
                }
            }
        } else if !isLB, let annotation = object.annotations?.pair(forKey: "service.beta.kubernetes.io/load-balancer-source-ranges") {
            sink.fieldError(object, at: annotation.key,
                            path: "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]",
                            .forbidden(Self.lbOnly))
        }
        for key in ["allocateLoadBalancerNodePorts", "loadBalancerClass"] where !isLB && APIServerChecks.isSet(spec, key) {
            sink.fieldError(object, at: spec.pair(forKey: key)?.key, pathOf: spec[key], .forbidden(Self.lbOnly))
        }
        if isLB, let lbClass = APIServerChecks.text(spec, "loadBalancerClass") {
            for error in NameValidation.qualifiedName(lbClass) {
                sink.fieldError(object, at: spec["loadBalancerClass"], .invalid(.string(lbClass), error))
            }
        }
    }

    /// externalTrafficPolicy only on externally reachable Services; healthCheckNodePort only with LB + Local.
    private func trafficPolicies(_ spec: YAMLNode, type: String, _ object: ObjectRef, _ sink: inout FindingSink) {
        let hasExternalIPs = (spec["externalIPs"]?.count ?? 0) > 0
        let external = type == "LoadBalancer" || type == "NodePort" || (type == "ClusterIP" && hasExternalIPs)
        let policy = APIServerChecks.text(spec, "externalTrafficPolicy") ?? ""
        if let node = spec["externalTrafficPolicy"], !policy.isEmpty {
            if !external {
                sink.fieldError(object, at: node, .invalid(.string(policy), "may only be set for externally-accessible services"))
            } else if policy != "Cluster", policy != "Local" {
                sink.fieldError(object, at: node, .unsupported(.string(policy), ["Cluster", "Local"]))
            }
        }
        guard let node = spec["healthCheckNodePort"], let value = node.integral, value != 0 else { return }
        if type == "LoadBalancer", policy == "Local" {
            for error in NameValidation.portNumber(Int(value)) {
                sink.fieldError(object, at: node, .invalid(.int(Int(value)), error))
            }
        } else {
            sink.fieldError(object, at: node, .invalid(
                .int(Int(value)), "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"))
        }
    }

    /// The kubelet port on a load balancer, and node ports repeated for one protocol.
    private func ports(_ spec: YAMLNode, type: String, _ object: ObjectRef, _ sink: inout FindingSink) {
        var nodePorts: [(Int64, String)] = []
        for port in spec["ports"]?.sequenceItems ?? [] where port.isMapping {
            if type == "LoadBalancer", let number = port["port"], number.integer == 10250 {
                sink.fieldError(object, at: number, pathOf: port,
                                .invalid(.int(10250), "may not expose port 10250 externally since it is used by kubelet"))
            }
            guard let node = port["nodePort"], let value = node.integer, value != 0 else { continue }
            let proto = APIServerChecks.text(port, "protocol") ?? "TCP"
            if nodePorts.contains(where: { $0.0 == value && $0.1 == proto }) {
                sink.fieldError(object, at: node, .duplicate(.int(Int(value))))
            }
            nodePorts.append((value, proto))
        }
    }
}
