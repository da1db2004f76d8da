import KubeModel
import KubePlan

/// Synthetic clusters for `make bench`: the DNS emitter's load shape.
package enum DNSBenchmarkInput {
    /// `services` ClusterIP Services with two named ports each (in 100 namespaces), plus headless StatefulSet
    /// Services holding `headlessEndpoints` ready endpoints in total, 30 per Service, each with a hostname.
    package static func state(services: Int = 10_000, headlessEndpoints: Int = 30_000) -> ClusterState {
        var state = ClusterState()
        state.services.reserveCapacity(services + headlessEndpoints / 30 + 1)
        for index in 0..<services {
            let ip = IPAddress.v4(0x0A60_0000 &+ UInt32(index + 100))
            state.services.append(
                ServiceState(
                    namespace: "ns-\(index % 100)", name: "svc-\(index)", clusterIPs: [ip],
                    ports: [
                        ServicePortState(name: "http", port: 80, targetPort: .number(8080)),
                        ServicePortState(name: "grpc", port: 9090, targetPort: .number(9090)),
                    ]))
        }
        let perService = 30
        for serviceIndex in 0..<(headlessEndpoints + perService - 1) / perService {
            let count = min(perService, headlessEndpoints - serviceIndex * perService)
            let endpoints = (0..<count).map { ordinal in
                EndpointState(
                    ip: .v4(0x0AF4_0000 &+ UInt32(serviceIndex * perService + ordinal + 10)), port: 5432,
                    hostname: "db-\(serviceIndex)-\(ordinal)")
            }
            state.services.append(
                ServiceState(
                    namespace: "ns-\(serviceIndex % 100)", name: "db-\(serviceIndex)", isHeadless: true,
                    ports: [
                        ServicePortState(name: "postgres", port: 5432, targetPort: .number(5432), endpoints: endpoints)
                    ]))
        }
        return state
    }
}
