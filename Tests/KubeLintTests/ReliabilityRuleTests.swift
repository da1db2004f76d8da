import KubeLint
import KubeModel
import KubeYAML
import Testing

/// Edge cases of the reliability rules beyond their documented examples.
struct ReliabilityRuleTests {
    private func found(_ rule: String, in text: String) -> [Diagnostic] {
        var configuration = LintConfiguration()
        configuration.enabled = [rule]
        return Lint.run(text, configuration: configuration).filter { $0.rule == rule }
    }

    private func deployment(_ name: String, replicas: Int, labels: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name)}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: \(labels)}
          template:
            metadata: {labels: \(labels)}
            spec: {containers: [{name: c, image: nginx:1.27}]}
        """
    }

    @Test func pdbMinAvailableCountsTheReplicasOfEverySelectedWorkload() {
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: shop}
            spec:
              minAvailable: 3
              selector: {matchLabels: {tier: shop}}
            """
        let two = [budget, deployment("a", replicas: 2, labels: "{tier: shop, app: a}"),
                   deployment("b", replicas: 2, labels: "{tier: shop, app: b}")].joined(separator: "\n---\n")
        #expect(found("pdb-disruptions-impossible", in: two).isEmpty)
        let one = [budget, deployment("a", replicas: 3, labels: "{tier: shop, app: a}")].joined(separator: "\n---\n")
        #expect(found("pdb-disruptions-impossible", in: one).count == 1)
    }

    @Test func pdbMinAvailableIsNotJudgedWithoutTheWorkloads() {
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: shop}
            spec:
              minAvailable: 5
              selector: {matchLabels: {tier: shop}}
            """
        #expect(found("pdb-disruptions-impossible", in: budget).isEmpty)
    }

    @Test func pdbMaxUnavailableZeroPercentAllowsNoDisruption() {
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: shop}
            spec:
              maxUnavailable: "0%"
              selector: {matchLabels: {tier: shop}}
            """
        #expect(found("pdb-disruptions-impossible", in: budget).count == 1)
    }

    @Test func aBudgetInAnotherNamespaceDoesNotCoverAWorkload() {
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: other}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: web}}
            """
        let text = [budget, deployment("web", replicas: 3, labels: "{app: web}")].joined(separator: "\n---\n")
        #expect(found("pdb-missing", in: text).count == 1)
    }

    @Test func aSingleReplicaNeedsNoBudget() {
        #expect(found("pdb-missing", in: deployment("web", replicas: 1, labels: "{app: web}")).isEmpty)
    }

    @Test func aDeploymentScaledByAnHPAIsNotBelowTheMinimum() {
        let hpa = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 4
            """
        let text = [deployment("web", replicas: 1, labels: "{app: web}"), hpa].joined(separator: "\n---\n")
        #expect(found("replicas-below-minimum", in: text).isEmpty)
        #expect(found("replicas-below-minimum", in: deployment("web", replicas: 1, labels: "{app: web}")).count == 1)
    }

    @Test func aNamedProbePortIsLeftToInvalidProbe() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx:1.27
                ports: [{name: http, containerPort: 80}]
                livenessProbe: {httpGet: {path: /, port: metrics}}
            """
        #expect(found("probe-port-not-exposed", in: pod).isEmpty)
    }

    @Test func identicalProbesWithALongerLivenessWindowPass() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx:1.27
                readinessProbe: {httpGet: {path: /healthz, port: 80}}
                livenessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 10, failureThreshold: 6}
            """
        #expect(found("probes-identical", in: pod).isEmpty)
    }

    @Test func eachResourceRuleReportsOnlyItsOwnSetting() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx:1.27
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
            """
        #expect(found("cpu-limits-missing", in: pod).count == 1)
        #expect(found("cpu-requests-missing", in: pod).isEmpty)
        #expect(found("memory-requests-missing", in: pod).isEmpty)
        #expect(found("memory-limits-missing", in: pod).isEmpty)
    }

    @Test func aCPULimitAloneCountsAsARequest() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: "1"}}}]
            """
        #expect(found("cpu-requests-missing", in: pod).isEmpty)
    }

    @Test func aJobWithoutAPodTemplateTTLIsReportedOnce() {
        let job = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox:1.36}]
            """
        #expect(found("job-ttl-missing", in: job).count == 1)
    }

    @Test func theTextCatalogueShowsEquivalents() {
        let text = RuleCatalog.text()
        #expect(text.contains("covers kube-linter: pdb-max-unavailable, pdb-min-available"))
        #expect(text.contains("covers kube-linter: read-secret-from-env-var; checkov: CKV_K8S_35"))
    }

    @Test func foreignNamesOfTheNewRulesResolve() {
        #expect(RuleRegistry.ruleID(forName: "no-anti-affinity") == "anti-affinity-missing")
        #expect(RuleRegistry.ruleID(forName: "CKV_K8S_11") == "cpu-limits-missing")
        #expect(RuleRegistry.ruleID(forName: "missingPodDisruptionBudget") == "pdb-missing")
        #expect(RuleRegistry.ruleID(forName: "duplicate-env-var") == "invalid-env-var")
    }
}
