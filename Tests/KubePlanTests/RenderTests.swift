import KubePlan
import Testing

@Suite struct RenderTests {
    static let input = node("n1", cpu: "2", memory: "4Gi", podCIDR: "10.244.1.0/24")
        + node("n2", cpu: "2", memory: "4Gi", taints: ["dedicated=x:NoSchedule"]) + pod("a", cpu: "1", memory: "1Gi")

    @Test func textShowsEachNodesLoadWithABar() {
        let text = PlanTextRenderer.render(plan(Self.input))
        #expect(text.contains("n1    pods 1/110  cpu [#####-----] 1/2 (50%)  memory [###-------] 1Gi/4Gi (25%)"))
        #expect(text.contains("  default/a  10.244.1.2"))
        #expect(text.hasSuffix("1 pods: 1 placed, 0 unschedulable on 2 nodes\n"))
    }

    @Test func explainListsEveryFilterAndMarksTheReportedFailure() throws {
        let result = plan(Self.input, options: PlanOptions(explain: "default/a"))
        let explanation = try #require(result.explanation)
        let text = ExplainRenderer.render(explanation, pod: "default/a")
        #expect(text.hasPrefix("Pod default/a: scheduled on n1\n"))
        #expect(
            text.contains(
                "  filter  TaintToleration    UnschedulableAndUnresolvable: node(s) had untolerated taint(s)  <- reported"))
        #expect(explanation.nodes.allSatisfy { $0.filters.count == 8 })
    }

    @Test func hostNetworkPodsShowTheNodeAddressAndHaveNoPodIP() {
        let addressed = node("n1").replacingOccurrences(
            of: "status:\n", with: "status:\n  addresses:\n    - type: InternalIP\n      address: 192.168.1.10\n")
        let result = plan(addressed + pod("h", spec: "  hostNetwork: true\n"))
        #expect(result.plan.pods.first?.ip?.description == "192.168.1.10")
        #expect(result.state.pods.first?.ip == nil)
        #expect(result.state.pods.first?.hostNetwork == true)
    }

    @Test func preemptionPolicyNeverIsNotEligible() {
        let result = plan(node("n1", cpu: "1") + pod("p", cpu: "2", spec: "  preemptionPolicy: Never\n"))
        #expect(
            result.message(of: "default/p")
                == "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.")
    }
}

@Suite struct OwnerTests {
    @Test func barePodsHaveNoOwner() {
        let result = plan(node("n1") + pod("solo"))
        #expect(result.plan.pods.first?.owner == nil)
        #expect(result.state.pods.first?.owner == nil)
    }
}

@Suite struct TieTests {
    @Test func explainListsEveryNodeTiedForTheBestScore() {
        let result = plan(node("n1") + node("n2") + node("n3") + pod("p"), options: PlanOptions(explain: "default/p"))
        #expect(result.explanation?.tied == ["n1", "n2", "n3"])
        #expect(result.plan.pods.first?.tiedNodes == 3)
    }
}
