import KubeModel
import KubePlan
import KubeYAML
import Testing

/// The inventory's node limit (`ExpansionLimits.maxNodes`, Kubernetes' largest supported cluster).
struct NodeLimitTests {
    /// `count` tiny Nodes, `n00000` … in name order.
    static func nodes(_ count: Int) -> String {
        (0..<count).map { index in
            let name = "n" + String(String(index).reversed()).padding(toLength: 5, withPad: "0", startingAt: 0)
                .reversed()
            return "apiVersion: v1\nkind: Node\nmetadata: {name: \(String(name))}\n---\n"
        }.joined()
    }

    @Test func theDefaultIsTheClustersDocumentedNodeLimit() {
        #expect(ExpansionLimits.default.maxNodes == 5_000)
    }

    @Test func fiveThousandNodesArePlanned() {
        let result = plan(Self.nodes(5_000))
        #expect(result.plan.nodes.count == 5_000)
        #expect(!result.diagnostics.contains { $0.rule == ExpansionLimits.ruleID })
    }

    @Test func theNodesPastFiveThousandAreRefusedWithOneFinding() {
        let result = plan(Self.nodes(5_001))
        #expect(result.plan.nodes.count == 5_000)
        #expect(result.plan.nodes.last?.name == "n04999")
        let findings = result.diagnostics.filter { $0.rule == ExpansionLimits.ruleID }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error)
        #expect(
            findings.first?.message
                == "the input holds 5,001 Nodes; kubec plans at most 5,000 (Kubernetes' largest supported cluster): "
                + "the 1 last by name, from \"n05000\" on, are left out")
    }

    @Test func aLowerLimitKeepsTheFirstNodesByName() {
        var options = PlanOptions()
        options.limits.maxNodes = 2
        let result = plan(node("c") + node("a") + node("b"), options: options)
        #expect(result.plan.nodes.map(\.name) == ["a", "b"])
        #expect(result.diagnostics.filter { $0.rule == ExpansionLimits.ruleID }.count == 1)
    }
}
