import KubeModel

/// A Service's endpoints grouped the way the EndpointSlice controller groups them: endpoints whose ports resolve
/// to the same numbers share slices (a named targetPort can differ per pod), at most 100 endpoints per slice
/// (`--max-endpoints-per-slice` default).
///
/// kube-proxy merges slices back per port, so the dataplane emitters read `ServicePortState.endpoints`; this
/// view is for anything that shows or diffs the EndpointSlice objects themselves.
package struct EndpointSliceView: Sendable, Hashable {
    /// One EndpointSlice port: name, protocol and the resolved number.
    package struct Port: Sendable, Hashable, Comparable {
        package var name: String
        package var proto: PortProtocol
        package var port: Int

        /// Name, then protocol, then number.
        package static func < (lhs: Port, rhs: Port) -> Bool {
            (lhs.name, lhs.proto.rawValue, lhs.port) < (rhs.name, rhs.proto.rawValue, rhs.port)
        }
    }

    /// The ports every endpoint of this slice serves.
    package var ports: [Port]
    /// Endpoints (one per address), their `port` being the first slice port's number.
    package var endpoints: [EndpointState]

    /// The controller's default `--max-endpoints-per-slice`.
    package static let maximumEndpoints = 100

    /// The slices of `service`, ordered by port signature then first address.
    package static func slices(for service: ServiceState) -> [EndpointSliceView] {
        var portsByAddress: [IPAddress: [Port]] = [:]
        var endpointByAddress: [IPAddress: EndpointState] = [:]
        for servicePort in service.ports {
            for endpoint in servicePort.endpoints {
                portsByAddress[endpoint.ip, default: []].append(
                    Port(name: servicePort.name, proto: servicePort.proto, port: endpoint.port))
                if endpointByAddress[endpoint.ip] == nil { endpointByAddress[endpoint.ip] = endpoint }
            }
        }
        var groups: [[Port]: [EndpointState]] = [:]
        for (address, ports) in portsByAddress {
            guard let endpoint = endpointByAddress[address] else { continue }
            groups[ports.sorted(), default: []].append(endpoint)
        }
        var result: [EndpointSliceView] = []
        for ports in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = (groups[ports] ?? []).sorted { $0.ip < $1.ip }
            var start = 0
            while start < members.count {
                let end = min(start + maximumEndpoints, members.count)
                result.append(EndpointSliceView(ports: ports, endpoints: Array(members[start..<end])))
                start = end
            }
        }
        return result
    }
}
