import KubeEmit
import KubeModel
import KubePlan

/// Synthetic clusters and timings for `make bench` (ISSUE 6: 10,000 and 20,000 Services × 3 endpoints on one
/// node; 2,000 Services on 100 nodes).
///
/// The clusters are deterministic: Service `bench/svc-N` has ClusterIP 10.96.0.0 + N + 1 and one TCP port
/// (80 → 8080); its three endpoints get consecutive pod IPs from 10.244.0.0/14 and are spread round-robin over
/// the nodes (node `node-K`, address 192.168.K/256.K%256).
package enum IPTablesBenchmark {
    /// A cluster of `services` Services with `endpoints` endpoints each over `nodes` nodes.
    package static func cluster(services: Int, endpointsPerService endpoints: Int = 3, nodes: Int = 1) -> ClusterState {
        let nodeStates = (0..<max(nodes, 1)).map { index in
            NodeState(
                name: "node-\(index + 1)", addresses: [.v4(0xC0A8_0000 | UInt32(index + 1))],
                podCIDRs: [CIDR(network: .v4(0x0AF4_0000 | UInt32(index) << 8), prefixLength: 24)])
        }
        var next: UInt32 = 0
        var serviceStates: [ServiceState] = []
        serviceStates.reserveCapacity(services)
        for index in 0..<services {
            var list: [EndpointState] = []
            list.reserveCapacity(endpoints)
            for _ in 0..<endpoints {
                next += 1
                let node = nodeStates[Int(next) % nodeStates.count].name
                list.append(EndpointState(ip: .v4(0x0AF4_0000 + next), port: 8080, nodeName: node))
            }
            let port = ServicePortState(name: "http", proto: .tcp, port: 80, targetPort: .number(8080), endpoints: list)
            serviceStates.append(
                ServiceState(
                    namespace: "bench", name: "svc-\(index)", clusterIPs: [.v4(0x0A60_0000 + UInt32(index) + 1)],
                    ports: [port], selector: ["app": "svc-\(index)"]))
        }
        return ClusterState(nodes: nodeStates, services: serviceStates)
    }

    /// Time to emit every node's `iptables.rules`, in seconds, and the bytes produced.
    package static func measure(_ state: ClusterState, options: IPTablesOptions = IPTablesOptions()) -> (
        seconds: Double, bytes: Int, files: [OutputFile]
    ) {
        let clock = ContinuousClock()
        var files: [OutputFile] = []
        let elapsed = clock.measure { files = IPTablesEmitter(options: options).emit(state) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, files.reduce(0) { $0 + $1.contents.count }, files)
    }
}
