import KubePlan

/// Compares the addresses the API server allocates to Services.
///
/// Cluster IPs, node ports and the health-check node port. Endpoints are not compared here; the rule files and zones show them.
enum ServiceIPDiff {
    static func compare(old: [ServiceState], new: [ServiceState]) -> [ServiceIPChange] {
        var oldByKey: [String: ServiceState] = [:]
        for service in old { oldByKey[service.key] = service }
        let newKeys = Set(new.map(\.key))
        var changes: [ServiceIPChange] = []
        for service in new {
            guard let before = oldByKey[service.key] else {
                changes.append(change(.added, old: nil, new: service))
                continue
            }
            let change = change(.modified, old: before, new: service)
            if change.oldClusterIPs != change.newClusterIPs || !change.nodePorts.isEmpty { changes.append(change) }
        }
        for service in old where !newKeys.contains(service.key) {
            changes.append(change(.removed, old: service, new: nil))
        }
        return changes.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// The change record; for `modified`, only node ports that differ are listed.
    static func change(_ kind: ServiceIPChange.Change, old: ServiceState?, new: ServiceState?) -> ServiceIPChange {
        let oldPorts = nodePorts(old)
        let newPorts = nodePorts(new)
        var ports: [ServiceIPChange.NodePort] = []
        for port in Set(oldPorts.keys).union(newPorts.keys).sorted() where oldPorts[port] != newPorts[port] {
            ports.append(ServiceIPChange.NodePort(port: port, old: oldPorts[port], new: newPorts[port]))
        }
        let service = new ?? old
        return ServiceIPChange(
            change: kind, namespace: service?.namespace ?? "", name: service?.name ?? "",
            oldClusterIPs: old?.clusterIPs.map(\.description) ?? [],
            newClusterIPs: new?.clusterIPs.map(\.description) ?? [], nodePorts: ports)
    }

    /// Node ports by port name (else `port/PROTO`), plus `healthCheckNodePort`.
    static func nodePorts(_ service: ServiceState?) -> [String: Int] {
        guard let service else { return [:] }
        var ports: [String: Int] = [:]
        for port in service.ports {
            guard let nodePort = port.nodePort else { continue }
            ports[port.name.isEmpty ? "\(port.port)/\(port.proto.rawValue)" : port.name] = nodePort
        }
        if let health = service.healthCheckNodePort { ports["healthCheckNodePort"] = health }
        return ports
    }
}
