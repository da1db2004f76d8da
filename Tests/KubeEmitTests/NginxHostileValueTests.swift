import Foundation
import KubeEmit
import KubePlan
import KubeTestSupport
import Testing

/// Hostile hosts, names, ports and annotations fed straight to the nginx emitter: none reaches nginx.conf, and
/// what is written passes `nginx -t`.
struct NginxHostileValueTests {
    static var state: ClusterState {
        var state = NginxEmitterFixture.state()
        let path: NginxEmitterFixture.Path = (path: "/", type: .prefix, service: "web")
        for (index, value) in HostileValueTests.hostileNames.enumerated() {
            state.ingresses.append(NginxEmitterFixture.ingress("h\(index)", host: value, [path], port: 8080))
            state.ingresses.append(NginxEmitterFixture.ingress("n\(index)", host: "n\(index).test", [path], port: 8080, namespace: value))
            state.ingresses.append(
                NginxEmitterFixture.ingress(
                    "a\(index)", host: "a\(index).test", [path], port: 8080,
                    annotations: ["nginx.ingress.kubernetes.io/rewrite-target": value]))
        }
        state.ingresses.append(
            NginxEmitterFixture.ingress("big", host: "big.test", [(path: "/", type: .prefix, service: "big")], port: 1_000_000_000))
        return state
    }

    @Test func nginxConfHoldsNoHostileValue() {
        let files = NginxEmitter.emit(Self.state).files
        #expect(files.count == 1)
        for file in files {
            #expect(OutputFileCheck.problem(file) == nil)
            for marker in HostileValueTests.payloadMarkers + ["1000000000", "reboot"] {
                #expect(!file.text.contains(marker), "nginx.conf holds \(marker.debugDescription)")
            }
        }
    }

    @Test func nginxAcceptsTheConfigBuiltFromHostileValues() throws {
        guard RealTool.require(RealTool.available("nginx"), "nginx") else { return }
        let result = try NginxConfigCheck.test(Self.state)
        #expect(result.status == 0, "nginx -t failed:\n\(result.output)")
    }
}
