import KubeModel
import KubeYAML

/// Model Services → `ServiceState` with cluster IPs and node ports allocated (`ServiceIPAM`). Endpoints are
/// left empty: the endpoint resolver fills them from the placed pods.
enum ServiceConversion {
    static func convert(_ set: ManifestSet, settings: ClusterSettings) -> ([ServiceState], [Diagnostic]) {
        var ipam = ServiceIPAM(settings: settings)
        let unsorted = set.manifests(ofKind: "Service").compactMap { manifest -> (Manifest, Service)? in
            guard case .service(let service) = manifest.object else { return nil }
            return (manifest, service)
        }
        // Sorted by (namespace, name), input order among equals: positions are sorted, not the large values.
        let keys = unsorted.map { ($0.0.identity.namespace ?? "", $0.0.identity.name) }
        let manifests = unsorted.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            .map { unsorted[$0] }
        var seen: Set<String> = []
        let services = manifests.filter {
            seen.insert("\($0.0.identity.namespace ?? "")/\($0.0.identity.name)").inserted
        }

        var explicitIPs: [Int: [IPAddress]] = [:]
        for (index, (manifest, service)) in services.enumerated() where Self.wantsClusterIP(service) {
            let written =
                (service.spec.clusterIPs.isEmpty ? [service.spec.clusterIP].compactMap { $0 } : service.spec.clusterIPs)
                .filter { !$0.isEmpty && $0 != "None" }
            var honoured: [IPAddress] = []
            for text in written {
                guard let address = IPAddress(text) else { continue }
                if ipam.claim(address, service, manifest.identity.objectIdentity) { honoured.append(address) }
            }
            if !honoured.isEmpty { explicitIPs[index] = honoured }
        }
        var explicitPorts: [Int: [Int: Int]] = [:]
        var explicitHealth: [Int: Int] = [:]
        for (index, (manifest, service)) in services.enumerated() {
            let object = manifest.identity.objectIdentity
            for (position, port) in service.spec.ports.enumerated() {
                guard let nodePort = port.nodePort, nodePort != 0 else { continue }
                if ipam.claimPort(
                    nodePort, service, object, path: "spec.ports[\(position)].nodePort",
                    range: port.node?["nodePort"]?.range)
                {
                    explicitPorts[index, default: [:]][position] = nodePort
                }
            }
            if let health = service.spec.healthCheckNodePort, health != 0,
                ipam.claimPort(
                    health, service, object, path: "spec.healthCheckNodePort",
                    range: service.spec.node?["healthCheckNodePort"]?.range)
            {
                explicitHealth[index] = health
            }
        }

        var result: [ServiceState] = []
        for (index, (manifest, service)) in services.enumerated() {
            let namespace = service.metadata.namespace ?? "default"
            let key = "\(namespace)/\(service.metadata.name)"
            let spec = service.spec
            var state = ServiceState(namespace: namespace, name: service.metadata.name, source: service.node.range)
            state.type = ServiceState.ServiceType(rawValue: spec.type.rawValue) ?? .clusterIP
            state.isHeadless = spec.isHeadless && state.type != .externalName
            if Self.wantsClusterIP(service) {
                state.clusterIPs = explicitIPs[index] ?? ipam.allocate(service, object: manifest.identity.objectIdentity)
                var families: [IPFamily] = []
                for address in state.clusterIPs where !families.contains(IPFamily(of: address)) {
                    families.append(IPFamily(of: address))
                }
                state.ipFamilies = families
            } else if state.isHeadless {
                state.ipFamilies = ipam.families(service, object: manifest.identity.objectIdentity)
            }
            state.selector = spec.selector
            let wantsNodePorts =
                state.type == .nodePort
                || (state.type == .loadBalancer && spec.allocateLoadBalancerNodePorts != false)
            state.ports = spec.ports.enumerated().map { position, port in
                var nodePort = explicitPorts[index]?[position]
                if nodePort == nil, wantsNodePorts {
                    nodePort = ipam.allocatePort(
                        key: "\(key)/\(port.name ?? "")/\(port.port)/\(port.protocol.rawValue)")
                }
                let target: TargetPort =
                    switch port.targetPort {
                    case .int(let number): .number(number)
                    case .string(let name): Int(name).map { .number($0) } ?? .name(name)
                    }
                return ServicePortState(
                    name: port.name ?? "", proto: PortProtocol(rawValue: port.protocol.rawValue) ?? .tcp,
                    port: port.port, targetPort: target, nodePort: nodePort)
            }
            state.externalIPs = spec.externalIPs.compactMap(IPAddress.init)
            state.loadBalancerIPs = service.loadBalancerIngress.compactMap { $0.ip.flatMap(IPAddress.init) }
            state.loadBalancerSourceRanges = spec.loadBalancerSourceRanges.compactMap {
                CIDR($0.trimmingCharacters(in: " "))
            }
            state.externalName = state.type == .externalName ? spec.externalName : nil
            state.externalNameSource = service.node["spec"]?["externalName"]?.range
            state.sessionAffinityTimeout =
                spec.sessionAffinity == "ClientIP" ? spec.sessionAffinityTimeoutSeconds ?? ServiceSpec.defaultClientIPTimeoutSeconds : nil
            state.externalTrafficPolicy = spec.externalTrafficPolicy == "Local" ? .local : .cluster
            state.internalTrafficPolicy = spec.internalTrafficPolicy == "Local" ? .local : .cluster
            if state.type == .loadBalancer, state.externalTrafficPolicy == .local {
                state.healthCheckNodePort =
                    explicitHealth[index] ?? ipam.allocatePort(key: "\(key)/healthCheckNodePort")
            }
            state.publishNotReadyAddresses = spec.publishNotReadyAddresses
            // PreferSameNode (beta in 1.34) also hints each endpoint for its zone; its node preference is not
            // modelled, so it routes zone-locally here.
            state.prefersSameZone = ["PreferClose", "PreferSameZone", "PreferSameNode"].contains(spec.trafficDistribution ?? "")
            result.append(state)
        }
        return (result, ipam.diagnostics)
    }

    /// ClusterIP, NodePort and LoadBalancer Services that are not headless.
    static func wantsClusterIP(_ service: Service) -> Bool {
        service.spec.type != .externalName && !service.spec.isHeadless
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var result = Substring(self)
        while result.first == set { result = result.dropFirst() }
        while result.last == set { result = result.dropLast() }
        return String(result)
    }
}
