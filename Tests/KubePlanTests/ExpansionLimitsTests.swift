import KubeModel
import KubePlan
import KubeYAML
import Testing

/// The plan's pod limits: work and memory follow the input, never a replica count written in it.
struct ExpansionLimitsTests {
    static func deployment(_ name: String, replicas: String, podSpec: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: default}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: \(name)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec:
              containers: [{name: c, image: "nginx:1.27"}]
        \(podSpec)
        ---

        """
    }

    static var small: PlanOptions {
        var options = PlanOptions()
        options.limits.maxPodsPerWorkload = 20
        options.limits.maxPodsTotal = 30
        return options
    }

    @Test func theDefaultsAreTheClustersDocumentedLimits() {
        #expect(ExpansionLimits.default.maxPodsTotal == 150_000)
        #expect(ExpansionLimits.default.maxPodsPerWorkload == 150_000)
    }

    @Test(arguments: ["1000000000", "1e9"])
    func aHugeReplicaCountIsPlannedUpToTheWorkloadLimit(_ replicas: String) {
        let result = plan(node("n1") + Self.deployment("x", replicas: replicas), options: Self.small)
        #expect(result.plan.pods.count == 20)
        let finding = result.diagnostics.first { $0.rule == ExpansionLimits.ruleID }
        #expect(
            finding?.message
                == "Deployment default/x asks for 1,000,000,000 pods; only the first 20 are planned: kubec plans at "
                + "most 20 pods per workload (Kubernetes' largest supported cluster holds 150,000 pods)")
        #expect(finding?.severity == .error)
    }

    @Test func theTotalLimitStopsTheLaterWorkloads() {
        let result = plan(
            node("n1") + Self.deployment("a", replicas: "20") + Self.deployment("b", replicas: "20"), options: Self.small)
        #expect(result.plan.pods.count == 30)
        let finding = result.diagnostics.first { $0.rule == ExpansionLimits.ruleID }
        #expect(finding?.message.hasPrefix("Deployment default/b asks for 20 pods; only the first 10 are planned") == true)
    }

    @Test func unschedulablePodsAreCountedNotListed() {
        let result = plan(node("n1") + Self.deployment("x", replicas: "25", podSpec: "      nodeSelector: {disk: ssd}"))
        let findings = PlanFindings.unschedulable(result.plan)
        #expect(findings.count == 1)
        #expect(findings.first?.message.hasPrefix("25 pod(s) of Deployment default/x cannot be scheduled") == true)
        let hint = findings.first?.hint ?? ""
        #expect(hint.hasSuffix(" and 15 more"))
        #expect(hint.split(separator: ",").count == 10)
    }

    @Test func aWorkloadGetsOnePodMoreThanTheNodesCanHold() {
        let result = plan(node("n1", pods: "2") + node("n2", pods: "1") + Self.deployment("x", replicas: "1e9"))
        #expect(result.plan.pods.count == 4)
        #expect(result.plan.unschedulable.count == 1)
        let finding = result.diagnostics.first { $0.rule == ExpansionLimits.ruleID }
        #expect(
            finding?.message
                == "Deployment default/x asks for 1,000,000,000 pods; only the first 4 are planned: the cluster's 2 "
                + "node(s) hold at most 3 pods (allocatable pods), so the rest could never be placed")
    }

    @Test func replicasAfterAFailureFailWithTheSameMessage() {
        let result = plan(
            node("n1", pods: "3", labels: ["disk": "ssd"]) + node("n2", pods: "3")
                + Self.deployment("x", replicas: "6", podSpec: "      nodeSelector: {disk: ssd}"))
        let failed = result.plan.unschedulable
        #expect(failed.count == 3)
        #expect(Set(failed.map(\.message)).count == 1)
        #expect(failed.first?.message?.contains("Too many pods") == true)
    }
}
