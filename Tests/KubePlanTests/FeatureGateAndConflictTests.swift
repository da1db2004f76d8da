import KubeModel
import KubePlan
import Testing

/// Gated toleration operators in the plan, and NodeAffinity's PreFilter conflict.
struct FeatureGateAndConflictTests {
    static let slaToleration = """
          tolerations:
            - key: sla
              operator: Gt
              value: "900"
              effect: NoSchedule
        """

    static let gateOn = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: c}
        spec:
          featureGates:
            TaintTolerationComparisonOperators: true
        ---

        """

    @Test func aGtTolerationMatchesAGreaterTaintWhenTheGateIsOn() {
        let result = plan(Self.gateOn + node("n1", taints: ["sla=950:NoSchedule"]) + pod("p", spec: Self.slaToleration))
        #expect(result.node(of: "default/p") == "n1")
    }

    @Test func aGtTolerationMatchesNothingWhenTheGateIsOff() {
        let result = plan(node("n1", taints: ["sla=950:NoSchedule"]) + pod("p", spec: Self.slaToleration))
        #expect(result.node(of: "default/p") == nil)
    }

    @Test func aGtTolerationDoesNotMatchASmallerTaint() {
        let result = plan(Self.gateOn + node("n1", taints: ["sla=800:NoSchedule"]) + pod("p", spec: Self.slaToleration))
        #expect(result.node(of: "default/p") == nil)
    }

    @Test func twoNameRequirementsOfOneTermThatExcludeEachOtherConflict() {
        let affinity = """
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                      - matchFields:
                          - {key: metadata.name, operator: In, values: [n1]}
                          - {key: metadata.name, operator: In, values: [n2]}
            """
        let result = plan(node("n1") + node("n2") + pod("p", spec: affinity))
        let message = result.message(of: "default/p") ?? ""
        #expect(message.contains("pod affinity terms conflict"), "\(message)")
        #expect(!message.contains("didn't satisfy plugin(s)"))
    }

    @Test func canonicalIntegersFollowTheAPIServer() {
        #expect(Toleration.canonicalInteger("-5") == -5)
        #expect(Toleration.canonicalInteger("0") == 0)
        #expect(Toleration.canonicalInteger("0100") == nil)
        #expect(Toleration.canonicalInteger("+5") == nil)
        #expect(Toleration.canonicalInteger("-0") == nil)
        #expect(Toleration.canonicalInteger("9223372036854775808") == nil)
    }
}
