import KubeLint
import KubeYAML
import Testing

/// `checks.hpa-maximum-replicas` and the rule it configures, hpa-max-replicas-high.
struct HPAMaxReplicasHighTests {
    private let hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 20
        """

    @Test func theSettingTurnsTheRuleOnWithItsCeiling() {
        let (configuration, problems) = Lint.configuration("checks:\n  hpa-maximum-replicas: 10\n")
        #expect(problems.isEmpty)
        let messages = Lint.run(hpa, configuration: configuration).filter { $0.rule == "hpa-max-replicas-high" }
            .map(\.message)
        #expect(messages == ["HorizontalPodAutoscaler web may scale to 20 replicas, more than the maximum 10"])
    }

    @Test func withoutTheSettingTheRuleIsOff() {
        #expect(!Lint.run(hpa).contains { $0.rule == "hpa-max-replicas-high" })
    }

    @Test func aCeilingBelowOneIsAConfigError() {
        let (_, problems) = Lint.configuration("checks:\n  hpa-maximum-replicas: 0\n")
        #expect(problems.map(\.message) == ["checks.hpa-maximum-replicas: expected a whole number of at least 1"])
    }
}
