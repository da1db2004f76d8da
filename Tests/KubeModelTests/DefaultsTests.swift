import KubeModel
import KubeYAML
import Testing

@Suite struct DefaultsTests {
    private let set = decode(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          sessionAffinity: ClientIP
          ports: [{port: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: np}
        spec: {type: NodePort, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {serviceName: db}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec: {}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        spec: {podSelector: {}}
        ---
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: plain}
        """)

    @Test func decodesWithoutDiagnostics() { #expect(set.diagnostics.isEmpty) }

    @Test func replicasDefaultToOne() { #expect(set.deployments.first?.spec.replicas == 1) }

    @Test func rollingUpdateDefaultsToQuarterSurgeAndUnavailable() {
        let strategy = set.deployments.first?.spec.strategy
        #expect(strategy?.type == "RollingUpdate")
        #expect(strategy?.maxSurge == .string("25%"))
        #expect(strategy?.maxUnavailable == .string("25%"))
    }

    @Test func recreateHasNoRollingParameters() throws {
        guard
            case .deployment(let deployment) = object(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {strategy: {type: Recreate}}
                """)
        else {
            Issue.record("not a deployment")
            return
        }
        #expect(deployment.spec.strategy.isRecreate)
        #expect(deployment.spec.strategy.maxSurge == nil)
    }

    @Test func namespaceDefaultsToDefault() { #expect(set.deployments.first?.metadata.namespace == "default") }

    @Test func containerPortProtocolDefaultsToTCP() {
        #expect(set.deployments.first?.spec.template.spec.containers.first?.ports.first?.protocol == .tcp)
    }

    @Test func podSpecDefaults() throws {
        let spec = try #require(set.deployments.first).spec.template.spec
        #expect(spec.restartPolicy == "Always")
        #expect(spec.schedulerName == "default-scheduler")
        #expect(spec.dnsPolicy == "ClusterFirst")
    }

    @Test func servicePortDefaults() throws {
        let port = try #require(set.services.first?.spec.ports.first)
        #expect(port.protocol == .tcp)
        #expect(port.targetPort == .int(8080))
        #expect(set.services.first?.spec.type == .clusterIP)
    }

    @Test func clientIPAffinityTimeoutDefaultsToThreeHours() {
        #expect(set.services.first?.spec.sessionAffinityTimeoutSeconds == 10800)
        #expect(set.services.last?.spec.sessionAffinityTimeoutSeconds == nil)
    }

    @Test func nodePortServiceDefaultsExternalTrafficPolicyToCluster() {
        #expect(set.services.last?.spec.externalTrafficPolicy == "Cluster")
        #expect(set.services.first?.spec.externalTrafficPolicy == nil)
    }

    @Test func statefulSetDefaults() throws {
        let spec = try #require(set.statefulSets.first).spec
        #expect(spec.replicas == 1)
        #expect(spec.podManagementPolicy == "OrderedReady")
        #expect(spec.updateStrategy.partition == 0)
        #expect(spec.ordinalsStart == 0)
    }

    @Test func daemonSetRollingUpdateDefaults() {
        #expect(set.daemonSets.first?.spec.updateStrategy.maxUnavailable == .int(1))
        #expect(set.daemonSets.first?.spec.updateStrategy.maxSurge == .int(0))
    }

    @Test func jobDefaults() throws {
        let spec = try #require(set.jobs.first).spec
        #expect(spec.parallelism == 1)
        #expect(spec.backoffLimit == 6)
        #expect(spec.completions == 1)
        #expect(spec.completionMode == "NonIndexed")
    }

    @Test func jobWithOnlyParallelismKeepsCompletionsUnset() {
        guard
            case .job(let job) = object(
                """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: queue}
                spec: {parallelism: 3}
                """)
        else {
            Issue.record("not a job")
            return
        }
        #expect(job.spec.completions == nil)
        #expect(job.spec.initialPodCount == 3)
    }

    @Test func hostNetworkPortsOccupyTheirHostPort() {
        guard
            case .pod(let pod) = object(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostNetwork: true
                  containers: [{name: a, ports: [{containerPort: 9100}, {containerPort: 53, hostPort: 53}]}]
                """)
        else {
            Issue.record("not a pod")
            return
        }
        #expect(pod.spec.containers[0].ports.map(\.hostPort) == [9100, 53])
    }

    @Test func terminationGracePeriodDefaultsToThirtySeconds() {
        #expect(set.deployments.first?.spec.template.spec.terminationGracePeriodSeconds == 30)
    }

    @Test func networkPolicyTypesDefaultToIngress() {
        #expect(set.networkPolicies.first?.spec.policyTypes == ["Ingress"])
        #expect(set.networkPolicies.first?.spec.podSelector.isEmpty == true)
    }

    @Test func clusterDefaultsAreKubeadms() {
        let cluster = set.cluster
        #expect(cluster.clusterDomain == "cluster.local")
        #expect(cluster.serviceCIDRs == ["10.96.0.0/12"])
        #expect(cluster.clusterCIDR == "10.244.0.0/16")
        #expect(cluster.nodeCIDRMaskSize == 24)
        #expect(cluster.dnsServiceIP == "10.96.0.10")
        #expect(cluster.nodePortRange == 30000...32767)
        #expect(cluster.dnsTTL == 5)
        #expect(cluster.masqueradeBit == 14)
        #expect(!cluster.masqueradeAll)
        #expect(cluster.ipvsScheduler == "rr")
        #expect(cluster.ingressListenAddress == "0.0.0.0")
        #expect(cluster.ingressHTTPPort == 80)
        #expect(cluster.ingressHTTPSPort == 443)
        #expect(cluster.ingressTLSDirectory == "/etc/kubec/tls")
        #expect(cluster.kubernetesVersion == nil)
    }

    @Test func missingClusterDocumentGivesDefaults() {
        #expect(decode("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}").cluster.dnsServiceIP == "10.96.0.10")
    }

    @Test func malformedNodePortRangeIsReported() {
        let result = decode(
            """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: c}
            spec: {nodePortRange: 40000-30000}
            """)
        #expect(result.diagnostics.map(\.path) == ["spec.nodePortRange"])
        #expect(result.cluster.nodePortRange == 30000...32767)
    }
}

@Suite struct ClusterDocumentTests {
    private func cluster(_ spec: String) -> (Cluster, [Diagnostic]) {
        let set = decode("apiVersion: kubec.dev/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec:\n" + spec)
        return (set.cluster, set.diagnostics)
    }

    @Test func dualStackServiceCIDRsAreAList() {
        let (cluster, diagnostics) = cluster("  serviceCIDR: [10.96.0.0/16, fd00:10:96::/112]")
        #expect(diagnostics.isEmpty)
        #expect(cluster.serviceCIDRs == ["10.96.0.0/16", "fd00:10:96::/112"])
        #expect(cluster.dnsServiceIP == "10.96.0.10")
    }

    @Test func ipv6ClusterDefaultsFollowKubeadmAndTheControllerManager() {
        let (cluster, diagnostics) = cluster("  serviceCIDR: fd00:10:96::/112\n  clusterCIDR: fd00:10:244::/56")
        #expect(diagnostics.isEmpty)
        #expect(cluster.dnsServiceIP == "fd00:10:96::a")
        #expect(cluster.nodeCIDRMaskSize == 64)
    }

    @Test func explicitDNSServiceIPWins() {
        #expect(cluster("  dnsServiceIP: 10.96.0.53").0.dnsServiceIP == "10.96.0.53")
    }

    @Test func malformedServiceCIDRIsReported() {
        let (cluster, diagnostics) = cluster("  serviceCIDR: 10.96.0/12")
        #expect(diagnostics.map(\.path) == ["spec.serviceCIDR"])
        #expect(cluster.dnsServiceIP == nil)
    }

    @Test func unquotedVersionIsKeptAsWritten() {
        let (cluster, diagnostics) = cluster("  kubernetesVersion: 1.30")
        #expect(diagnostics.isEmpty)
        #expect(cluster.kubernetesVersion == "1.30")
    }
}

@Suite struct NetworkPolicyRuleTests {
    @Test func ingressRulesReadOnlyFromAndEgressRulesOnlyTo() throws {
        let set = decode(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
              ingress: [{to: [{podSelector: {}}]}]
              egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 53, protocol: UDP}]}]
            """)
        let spec = try #require(set.networkPolicies.first).spec
        #expect(spec.ingress.first?.peers.isEmpty == true)
        #expect(spec.egress.first?.peers.first?.ipBlock?.cidr == "0.0.0.0/0")
        #expect(spec.policyTypesGiven)
    }
}
