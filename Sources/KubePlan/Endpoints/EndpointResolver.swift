import KubeModel

/// Fills every `ServicePortState.endpoints` the way the EndpointSlice controller and kube-proxy's
/// EndpointSlice cache do it together.
///
/// * Services with a selector: the pods of the Service's namespace whose labels contain the selector, placed on
///   a node and with an address (host-network pods use their node's address, as the controller does), with the
///   `targetPort` resolved per pod (see `TargetPortResolution`). Pods that are not ready stay in the list as
///   not ready (kube-proxy skips them), unless the Service publishes not-ready addresses.
/// * Services without a selector: the endpoints given in `ExplicitEndpoints` for that Service key.
/// * ExternalName Services get no endpoints. Headless Services get them (DNS needs them); emitters skip them.
///
/// Endpoints of one Service port are de-duplicated by `IP:port` (a local copy wins, as in kube-proxy) and sorted
/// by the string `IP:port` (`[IP]:port` for IPv6), a plain byte comparison (kube-proxy `byEndpoint`): the order
/// it uses for its probabilities, so `10.0.0.10:80` sorts before `10.0.0.1:80` and `10.0.0.2:80`.
package enum EndpointResolver {
    /// Returns `state` with every Service's endpoints resolved; nodes, pods and settings are unchanged.
    package static func resolve(_ state: ClusterState, explicit: ExplicitEndpoints = ExplicitEndpoints())
        -> ClusterState
    {
        var result = state
        var pods = LabelIndex()
        for (position, pod) in state.pods.enumerated() {
            pods.insert(position, namespace: pod.namespace, labels: pod.labels)
        }
        var nodeAddresses: [String: [IPAddress]] = [:]
        for node in state.nodes { nodeAddresses[node.name] = node.addresses }
        let index = pods
        let addresses = nodeAddresses
        let count = state.services.count
        // Each Service's endpoints depend on it and the pods only: two halves, one on another thread.
        if count >= parallelMinimum {
            let (first, second) = SideBySide.run({
                resolved(state, 0..<count / 2, pods: index, nodeAddresses: addresses, explicit: explicit)
            }) {
                resolved(state, count / 2..<count, pods: index, nodeAddresses: addresses, explicit: explicit)
            }
            result.services = first + second
        } else {
            result.services = resolved(state, 0..<count, pods: index, nodeAddresses: addresses, explicit: explicit)
        }
        return result
    }

    /// Fewest Services worth a second thread.
    static let parallelMinimum = 512

    /// The Services at `range` with their endpoints.
    static func resolved(
        _ state: ClusterState, _ range: Range<Int>, pods: LabelIndex, nodeAddresses: [String: [IPAddress]],
        explicit: ExplicitEndpoints
    ) -> [ServiceState] {
        var services = Array(state.services[range])
        for index in services.indices {
            let service = services[index]
            // The pods that carry the selector's rarest label (in input order); `endpoints` checks the rest.
            // Positions, not copies of the pods.
            let candidates = service.selector.map { selector in
                pods.candidates(in: service.namespace, requiring: selector)
            } ?? []
            services[index].ports = service.ports.map { port in
                var resolved = port
                resolved.endpoints = endpoints(
                    service: service, port: port, pods: state.pods, candidates: candidates,
                    nodeAddresses: nodeAddresses, explicit: explicit)
                return resolved
            }
        }
        return services
    }

    /// The sorted, de-duplicated endpoints of one Service port.
    static func endpoints(
        service: ServiceState, port: ServicePortState, pods: [PodState], candidates: [Int],
        nodeAddresses: [String: [IPAddress]], explicit: ExplicitEndpoints
    ) -> [EndpointState] {
        if service.type == .externalName { return [] }
        guard let selector = service.selector else {
            return sortedUnique(explicit.endpoints(service: service.key, port: port.name, proto: port.proto))
        }
        // An empty selector selects nothing for Services (the controller skips them).
        if selector.isEmpty { return [] }
        var found: [EndpointState] = []
        for position in candidates where matches(selector, pods[position].labels) {
            let pod = pods[position]
            guard let nodeName = pod.nodeName, let number = TargetPortResolution.containerPort(for: port, in: pod)
            else { continue }
            let ready = pod.ready || service.publishNotReadyAddresses
            let hostname = pod.hostname.flatMap { $0.isEmpty ? nil : $0 }.flatMap {
                pod.subdomain == service.name ? $0 : nil
            }
            // One endpoint per family of the Service (the EndpointSlice controller keeps a slice per family).
            for address in podAddresses(pod, families: service.ipFamilies, nodeAddresses: nodeAddresses) {
                found.append(
                    EndpointState(
                        ip: address, port: number, nodeName: nodeName, ready: ready, serving: ready, terminating: false,
                        podName: "\(pod.namespace)/\(pod.name)", hostname: hostname))
            }
        }
        return sortedUnique(found)
    }

    /// The pod's addresses of the Service's families (its primary address when the Service names none); for a
    /// host-network pod, its node's addresses of those families.
    static func podAddresses(_ pod: PodState, families: [IPFamily], nodeAddresses: [String: [IPAddress]]) -> [IPAddress] {
        var own = pod.ips
        if own.isEmpty, pod.hostNetwork, let nodeName = pod.nodeName { own = nodeAddresses[nodeName] ?? [] }
        guard let primary = own.first else { return [] }
        if families.isEmpty { return [primary] }
        return families.compactMap { family in own.first(where: family.contains) }
    }

    /// Label selector as a Service uses it: every key present with the same value.
    static func matches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        selector.allSatisfy { labels[$0.key] == $0.value }
    }

    /// Drops repeated `IP:port` pairs (keeping a copy with a node name if one has it) and sorts by the
    /// `IP:port` string, byte by byte.
    package static func sortedUnique(_ endpoints: [EndpointState]) -> [EndpointState] {
        if endpoints.count < 2 { return endpoints }
        var keyed: [(key: [UInt8], endpoint: EndpointState)] = []
        keyed.reserveCapacity(endpoints.count)
        // A few endpoints are compared with each other; more are looked up by key.
        let few = endpoints.count <= 16
        var seen: [[UInt8]: Int] = [:]
        for endpoint in endpoints {
            let key = Array(endpointString(endpoint.ip, endpoint.port).utf8)
            if let existing = few ? keyed.firstIndex(where: { $0.key == key }) : seen[key] {
                if keyed[existing].endpoint.nodeName == nil, endpoint.nodeName != nil {
                    keyed[existing].endpoint = endpoint
                }
                continue
            }
            if !few { seen[key] = keyed.count }
            keyed.append((key, endpoint))
        }
        keyed.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return keyed.map(\.endpoint)
    }

    /// `IP:port`, or `[IP]:port` for IPv6 (Go's `net.JoinHostPort`), with the canonical address text.
    package static func endpointString(_ ip: IPAddress, _ port: Int) -> String {
        ip.isV4 ? "\(ip):\(port)" : "[\(ip)]:\(port)"
    }
}
