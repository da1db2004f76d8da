/// Endpoints given by the input rather than computed from a selector: what `Endpoints` and `EndpointSlice`
/// objects say for Services without a selector.
///
/// kube-proxy matches an EndpointSlice port to a Service port by name ("" for a single unnamed port) and
/// protocol, merges every slice of the Service and drops duplicate `IP:port` pairs; the resolver does the same
/// with these values, so the decoder can hand over one entry per slice port without merging anything itself.
package struct ExplicitEndpoints: Sendable, Hashable {
    /// One port of one Endpoints subset or EndpointSlice, with the addresses behind it.
    package struct Port: Sendable, Hashable {
        /// The port name; empty for the single unnamed port.
        package var name: String
        /// The port's protocol (must match the Service port's).
        package var proto: PortProtocol
        /// Endpoints whose `port` is this slice port's number.
        package var endpoints: [EndpointState]

        /// One slice port.
        package init(name: String = "", proto: PortProtocol = .tcp, endpoints: [EndpointState]) {
            self.name = name
            self.proto = proto
            self.endpoints = endpoints
        }
    }

    /// Slice ports keyed by the Service key `namespace/name`.
    package var byService: [String: [Port]]

    /// Slice ports by Service key.
    package init(_ byService: [String: [Port]] = [:]) {
        self.byService = byService
    }

    /// The endpoints for one Service port, merged over every slice port with its name and protocol.
    func endpoints(service key: String, port name: String, proto: PortProtocol) -> [EndpointState] {
        guard let ports = byService[key] else { return [] }
        var result: [EndpointState] = []
        for port in ports where port.name == name && port.proto == proto {
            result += port.endpoints
        }
        return result
    }
}
