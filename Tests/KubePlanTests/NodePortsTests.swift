import KubePlan
import Testing

@Suite struct NodePortsTests {
    static func hostPort(_ port: Int, ip: String? = nil, proto: String = "TCP") -> String {
        var text = "      ports:\n        - containerPort: 80\n          hostPort: \(port)\n          protocol: \(proto)\n"
        if let ip { text += "          hostIP: \(ip)\n" }
        return text
    }

    @Test func sameHostPortCannotShareANode() {
        let result = plan(node("n1") + pod("a", spec: Self.hostPort(8080)) + pod("b", spec: Self.hostPort(8080)))
        #expect(result.node(of: "default/a") == "n1")
        #expect(result.message(of: "default/b")?.hasPrefix(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.") == true)
    }

    @Test func differentProtocolsDoNotConflict() {
        let result = plan(node("n1") + pod("a", spec: Self.hostPort(53)) + pod("b", spec: Self.hostPort(53, proto: "UDP")))
        #expect(result.podsPerNode["n1"] == 2)
    }

    @Test func distinctHostIPsDoNotConflict() {
        let result = plan(node("n1") + pod("a", spec: Self.hostPort(80, ip: "10.0.0.1"))
            + pod("b", spec: Self.hostPort(80, ip: "10.0.0.2")))
        #expect(result.podsPerNode["n1"] == 2)
    }

    @Test func wildcardHostIPConflictsWithASpecificOne() {
        let result = plan(node("n1") + pod("a", spec: Self.hostPort(80, ip: "10.0.0.1")) + pod("b", spec: Self.hostPort(80)))
        #expect(result.node(of: "default/b") == nil)
    }

    @Test func conflictingPodGoesToAnotherNode() {
        let result = plan(node("n1") + node("n2") + pod("a", spec: Self.hostPort(9100)) + pod("b", spec: Self.hostPort(9100)))
        #expect(result.podsPerNode == ["n1": 1, "n2": 1])
    }
}
