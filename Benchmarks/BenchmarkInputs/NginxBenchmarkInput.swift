import KubePlan

/// Synthetic clusters for `make bench`: the nginx emitter's load shape.
package enum NginxBenchmarkInput {
    /// `ingresses` Ingresses, one host each, with `paths` paths spread evenly (Prefix, Exact and
    /// ImplementationSpecific in turn), each backend with three ready endpoints; every tenth host has TLS.
    package static func state(ingresses: Int = 1_000, paths: Int = 10_000) -> ClusterState {
        var state = ClusterState()
        let perIngress = max(1, paths / max(1, ingresses))
        let types: [IngressPathState.PathType] = [.prefix, .exact, .implementationSpecific]
        for index in 0..<ingresses {
            let rulePaths = (0..<perIngress).map { pathIndex -> IngressPathState in
                let service = index * perIngress + pathIndex
                let endpoints = (0..<3).map {
                    EndpointState(ip: .v4(0x0AF4_0000 &+ UInt32(service * 3 + $0 + 10)), port: 8080)
                }
                let backend = IngressBackendState(
                    serviceName: "svc-\(service)", port: .number(80), endpoints: endpoints)
                return IngressPathState(
                    path: "/app-\(pathIndex)/v\(pathIndex % 3)", pathType: types[pathIndex % 3], backend: backend)
            }
            let host = "host-\(index).example.com"
            let tls = index % 10 == 0 ? [IngressTLSState(hosts: [host], secretName: "tls-\(index)")] : []
            state.ingresses.append(
                IngressState(
                    namespace: "ns-\(index % 100)", name: "ing-\(index)",
                    rules: [IngressRuleState(host: host, paths: rulePaths)],
                    tls: tls))
        }
        return state
    }
}
