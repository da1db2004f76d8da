import KubePlan
import Testing

@Suite struct NodeAffinityTests {
    static let nodes = node("a", labels: ["disk": "ssd", "zone": "z1", "cores": "8"])
        + node("b", labels: ["disk": "hdd", "zone": "z2", "cores": "16"])
        + node("c", labels: ["zone": "z3", "cores": "4"])

    static func required(_ terms: String) -> String {
        "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n" + terms
    }

    static func expression(_ key: String, _ op: String, _ values: [String]) -> String {
        var text = "          - matchExpressions:\n              - key: \(key)\n                operator: \(op)\n"
        if !values.isEmpty {
            text += "                values: [\(values.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        }
        return text
    }

    /// The nodes a pod with one required expression may use: run one pod per node against exhausted others.
    static func allowedNodes(_ key: String, _ op: String, _ values: [String]) -> Set<String> {
        let result = plan(nodes + pod("p", spec: required(expression(key, op, values))),
                          options: PlanOptions(explain: "default/p"))
        let nodes = result.explanation?.nodes ?? []
        return Set(nodes.filter { $0.filters.first { $0.plugin == "NodeAffinity" }?.status?.isSuccess == true }.map(\.name))
    }

    @Test(arguments: [
        ("disk", "In", ["ssd"], ["a"]),
        ("disk", "NotIn", ["ssd"], ["b", "c"]),
        ("disk", "Exists", [], ["a", "b"]),
        ("disk", "DoesNotExist", [], ["c"]),
        ("cores", "Gt", ["6"], ["a", "b"]),
        ("cores", "Lt", ["8"], ["c"]),
        ("zone", "Gt", ["1"], []),
    ])
    func operatorSelectsNodes(key: String, op: String, values: [String], expected: [String]) {
        #expect(Self.allowedNodes(key, op, values) == Set(expected))
    }

    @Test func termsAreORed() {
        let terms = Self.expression("disk", "In", ["ssd"]) + Self.expression("zone", "In", ["z3"])
        let result = plan(Self.nodes + pod("p", spec: Self.required(terms)), options: PlanOptions(explain: "default/p"))
        let allowed = result.explanation?.nodes.filter { $0.filters.first { $0.plugin == "NodeAffinity" }?.status?.isSuccess == true }
        #expect(allowed?.map(\.name) == ["a", "c"])
    }

    @Test func nodeSelectorAndRequiredAffinityMustBothHold() {
        let spec = "  nodeSelector:\n    zone: z3\n" + Self.required(Self.expression("disk", "Exists", []))
        let result = plan(Self.nodes + pod("p", spec: spec))
        #expect(result.message(of: "default/p")?.hasPrefix(
            "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.") == true)
    }

    @Test func nodeSelectorAloneFiltersByLabels() {
        let result = plan(Self.nodes + pod("p", spec: "  nodeSelector:\n    disk: hdd\n"))
        #expect(result.node(of: "default/p") == "b")
    }

    @Test func preferredAffinityWinsWhenResourcesAreEqual() {
        let spec = """
              affinity:
                nodeAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 50
                      preference:
                        matchExpressions:
                          - key: zone
                            operator: In
                            values: [z2]
            """
        let result = plan(Self.nodes + pod("p", spec: spec))
        #expect(result.node(of: "default/p") == "b")
    }
}
