import Foundation
import KubeLint
import KubeYAML
import Testing

/// "Selects nothing" is a warning only when the input holds candidate pods; otherwise one info per object.
struct SelectorTargetsTests {
    static let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        """

    static let otherWorkload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db, namespace: shop}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres:17}]
        """

    static func findings(_ text: String) -> [Diagnostic] {
        Lint.run(text).filter { $0.rule == "service-selector-matches-no-pod" }
    }

    @Test func aServiceLintedWithoutAnyWorkloadIsOneInfo() {
        let found = Self.findings(Self.service)
        #expect(found.map(\.severity) == [.info])
        #expect(found.first?.message.contains("not checked") == true)
    }

    @Test func aServiceMatchingNoneOfTheWorkloadsBesideItIsAWarning() {
        let found = Self.findings(Self.service + "\n---\n" + Self.otherWorkload)
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func workloadsInAnotherNamespaceAreNoCandidates() {
        let elsewhere = Self.otherWorkload.replacingOccurrences(of: "namespace: shop", with: "namespace: db")
        #expect(Self.findings(Self.service + "\n---\n" + elsewhere).map(\.severity) == [.info])
    }

    @Test func aNetworkPolicyAloneIsOneInfo() {
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
            """
        let found = Lint.run(policy).filter { $0.rule == "network-policy-selects-no-pod" }
        #expect(found.map(\.severity) == [.info])
    }
}

/// `operator: Gt`/`Lt` tolerations need an alpha feature gate; the Cluster document says whether it is on.
struct TolerationFeatureGateTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: nginx:1.27}]
          tolerations:
            - {key: sla, operator: Gt, value: "950", effect: NoSchedule}
        """

    static let gateOn = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: c}
        spec:
          featureGates: {TaintTolerationComparisonOperators: true}
        ---

        """

    @Test func gtWithoutTheGateIsAWarningNamingTheGate() {
        let found = Lint.run(Self.pod).filter { $0.rule == "invalid-toleration" }
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("TaintTolerationComparisonOperators") == true)
    }

    @Test func gtWithTheGateOnIsAccepted() {
        #expect(Lint.run(Self.gateOn + Self.pod).filter { $0.rule == "invalid-toleration" }.isEmpty)
    }

    @Test func gtWithTheGateOnNeedsAnIntegerValue() {
        let text = Self.gateOn + Self.pod.replacingOccurrences(of: "\"950\"", with: "\"0950\"")
        #expect(Lint.run(text).filter { $0.rule == "invalid-toleration" }.map(\.severity) == [.error])
    }
}
