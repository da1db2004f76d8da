import KubeModel
import KubePlan

/// The cluster the DNS emitter tests share: one Service of every record shape the spec defines.
enum DNSZoneEmitterFixture {
    static func ip(_ text: String) -> IPAddress {
        IPAddress(text) ?? .v4(0)
    }

    static func endpoint(
        _ address: String, _ port: Int, hostname: String? = nil, pod: String? = nil, ready: Bool = true
    ) -> EndpointState {
        EndpointState(ip: ip(address), port: port, ready: ready, podName: pod, hostname: hostname)
    }

    /// kube-dns (the NS), a dual-stack ClusterIP `web`, the StatefulSet headless `db` with a not-ready pod, a
    /// headless `peers` without hostnames, an ExternalName, an IP ExternalName and an empty headless Service.
    static var state: ClusterState {
        var state = ClusterState()
        state.settings.clusterDomain = "cluster.local"
        state.settings.dnsTTL = 5
        state.pods = ["db-0", "db-1", "db-2"].map {
            PodState(namespace: "prod", name: $0, hostname: $0, subdomain: "db")
        }
        state.services = [
            ServiceState(
                namespace: "kube-system", name: "kube-dns", clusterIPs: [ip("10.96.0.10")],
                ports: [
                    ServicePortState(name: "dns", proto: .udp, port: 53, targetPort: .number(53)),
                    ServicePortState(name: "dns-tcp", proto: .tcp, port: 53, targetPort: .number(53)),
                ]),
            ServiceState(
                namespace: "prod", name: "web", clusterIPs: [ip("10.96.0.20"), ip("fd00:10:96::20")],
                ports: [
                    ServicePortState(
                        name: "http", port: 80, targetPort: .number(8080), endpoints: [endpoint("10.244.1.9", 8080)]),
                    ServicePortState(name: "https", port: 443, targetPort: .number(8443)),
                ]),
            ServiceState(
                namespace: "prod", name: "api", clusterIPs: [ip("10.96.0.30")],
                ports: [ServicePortState(port: 8080, targetPort: .number(8080))]),
            ServiceState(
                namespace: "prod", name: "db", isHeadless: true,
                ports: [
                    ServicePortState(
                        name: "postgres", port: 5432, targetPort: .number(5432),
                        endpoints: [
                            endpoint("10.244.1.5", 5432, hostname: "db-0", pod: "prod/db-0"),
                            endpoint("10.244.2.6", 5432, hostname: "db-1", pod: "prod/db-1"),
                            endpoint("10.244.3.7", 5432, hostname: "db-2", pod: "prod/db-2", ready: false),
                        ])
                ]),
            ServiceState(
                namespace: "prod", name: "peers", isHeadless: true,
                ports: [
                    ServicePortState(
                        name: "gossip", proto: .udp, port: 7946, targetPort: .number(7946),
                        endpoints: [
                            endpoint("10.244.1.10", 7946), endpoint("10.244.1.11", 7946),
                            endpoint("fd00:10:244:1::c", 7946),
                        ])
                ]),
            ServiceState(
                namespace: "prod", name: "empty", isHeadless: true,
                ports: [ServicePortState(name: "http", port: 80, targetPort: .number(80))]),
            ServiceState(namespace: "prod", name: "search", type: .externalName, externalName: "search.example.com"),
            ServiceState(namespace: "prod", name: "legacy", type: .externalName, externalName: "192.0.2.1"),
        ]
        return state
    }
}
