import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// Literal-address helpers for fixtures (a typo yields 0.0.0.0, which a golden file would show at once).
func addr(_ text: String) -> IPAddress { IPAddress(text) ?? .v4(0) }
func cidr(_ text: String) -> CIDR { CIDR(text) ?? CIDR(network: .v4(0), prefixLength: 32) }

/// Golden files for the dataplane emitters: `Tests/KubeEmitTests/Golden/NAME`, re-recorded only with
/// `KUBEC_RECORD=1`.
enum DataplaneGolden {
    static var folder: String { RepositoryPaths.root + "/Tests/KubeEmitTests/Golden" }

    static var recording: Bool { ProcessInfo.processInfo.environment["KUBEC_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name` line by line (recording it instead when asked).
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if recording {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(name); run with KUBEC_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got {
                Issue.record(
                    "\(name):\(index + 1)\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
                return
            }
        }
    }
}

/// Builders for small clusters.
enum DataplaneFixture {
    static func node(_ name: String, _ address: String, podCIDR: String) -> NodeState {
        NodeState(name: name, addresses: [addr(address)], podCIDRs: [cidr(podCIDR)])
    }

    static func endpoint(_ ip: String, _ port: Int, node: String? = nil, ready: Bool = true) -> EndpointState {
        EndpointState(ip: addr(ip), port: port, nodeName: node, ready: ready, serving: ready)
    }

    static func service(
        _ namespace: String, _ name: String, type: ServiceState.ServiceType = .clusterIP, clusterIP: String,
        ports: [ServicePortState], configure: (inout ServiceState) -> Void = { _ in }
    ) -> ServiceState {
        var service = ServiceState(
            namespace: namespace, name: name, type: type, clusterIPs: [addr(clusterIP)], ports: ports,
            selector: nil)
        configure(&service)
        return service
    }

    static func port(
        _ name: String, _ port: Int, nodePort: Int? = nil, proto: KubePlan.PortProtocol = .tcp, endpoints: [EndpointState]
    ) -> ServicePortState {
        ServicePortState(
            name: name, proto: proto, port: port, targetPort: .number(port), nodePort: nodePort, endpoints: endpoints)
    }
}
