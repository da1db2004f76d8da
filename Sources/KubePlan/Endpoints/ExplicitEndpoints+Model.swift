import KubeModel

extension ExplicitEndpoints {
    /// The endpoints the input declares for Services without a selector: `Endpoints` objects (named like their
    /// Service) and `EndpointSlice` objects (labelled `kubernetes.io/service-name`). Addresses that do not
    /// parse are left out; lint reports them.
    package static func from(_ set: ManifestSet) -> ExplicitEndpoints {
        var byService: [String: [Port]] = [:]
        for manifest in set.manifests {
            let namespace = manifest.identity.namespace ?? "default"
            switch manifest.object {
            case .endpoints(let endpoints):
                let key = "\(namespace)/\(manifest.identity.name)"
                for subset in endpoints.subsets {
                    for port in subset.ports {
                        guard let number = port.port else { continue }
                        let proto = PortProtocol(rawValue: port.protocol.rawValue) ?? .tcp
                        let ready = subset.addresses.compactMap { address($0, number, ready: true) }
                        let notReady = subset.notReadyAddresses.compactMap { address($0, number, ready: false) }
                        byService[key, default: []].append(Port(name: port.name ?? "", proto: proto, endpoints: ready + notReady))
                    }
                }
            case .endpointSlice(let slice):
                guard let service = slice.serviceName else { continue }
                let key = "\(namespace)/\(service)"
                for port in slice.ports {
                    guard let number = port.port else { continue }
                    let proto = PortProtocol(rawValue: port.protocol.rawValue) ?? .tcp
                    var found: [EndpointState] = []
                    for endpoint in slice.endpoints {
                        // Conditions as kube-proxy reads them: ready and serving default to true, terminating to false.
                        let ready = endpoint.ready ?? true
                        for text in endpoint.addresses {
                            guard let ip = IPAddress(text) else { continue }
                            found.append(EndpointState(
                                ip: ip, port: number, nodeName: endpoint.nodeName, ready: ready,
                                serving: endpoint.serving ?? ready, terminating: endpoint.terminating ?? false,
                                hostname: endpoint.hostname))
                        }
                    }
                    byService[key, default: []].append(Port(name: port.name ?? "", proto: proto, endpoints: found))
                }
            default:
                continue
            }
        }
        return ExplicitEndpoints(byService)
    }

    private static func address(_ address: EndpointAddress, _ port: Int, ready: Bool) -> EndpointState? {
        guard let ip = IPAddress(address.ip) else { return nil }
        return EndpointState(
            ip: ip, port: port, nodeName: address.nodeName, ready: ready, serving: ready, terminating: false,
            hostname: address.hostname)
    }
}
