import KubeModel
import KubeYAML
import Testing

@Suite struct KindDecodingTests {
    private let set = decode(AllKindsFixture.text, file: "all-kinds.yaml")

    @Test func fixtureDecodesWithoutDiagnostics() {
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
    }

    @Test func everyKindDecodesToItsTypedCase() {
        let kinds = set.manifests.map { manifest -> String in
            switch manifest.object {
            case .deployment: "Deployment"
            case .replicaSet: "ReplicaSet"
            case .statefulSet: "StatefulSet"
            case .daemonSet: "DaemonSet"
            case .job: "Job"
            case .cronJob: "CronJob"
            case .pod: "Pod"
            case .service: "Service"
            case .endpoints: "Endpoints"
            case .endpointSlice: "EndpointSlice"
            case .ingress: "Ingress"
            case .ingressClass: "IngressClass"
            case .networkPolicy: "NetworkPolicy"
            case .horizontalPodAutoscaler: "HorizontalPodAutoscaler"
            case .podDisruptionBudget: "PodDisruptionBudget"
            case .node: "Node"
            case .namespace: "Namespace"
            case .configMap: "ConfigMap"
            case .secret: "Secret"
            case .serviceAccount: "ServiceAccount"
            case .persistentVolumeClaim: "PersistentVolumeClaim"
            case .customResourceDefinition: "CustomResourceDefinition"
            case .cluster: "Cluster"
            case .generic: "generic"
            }
        }
        #expect(kinds == set.manifests.map(\.identity.kind))
    }

    @Test func deploymentKeepsContainerDetails() throws {
        let deployment = try #require(set.deployments.first)
        #expect(deployment.metadata.namespace == "shop")
        #expect(deployment.spec.replicas == 3)
        #expect(deployment.spec.strategy.maxSurge == .int(1))
        #expect(deployment.spec.strategy.maxUnavailable == .int(0))
        let container = try #require(deployment.spec.template.spec.containers.first)
        #expect(container.ports.first?.name == "http")
        #expect(container.ports.first?.protocol == .tcp)
        #expect(container.resources.requests.cpu == Quantity("250m"))
        #expect(container.resources.limits.memory == Quantity("128Mi"))
        #expect(container.env.map(\.name) == ["MODE", "POD_IP", "PASSWORD"])
        #expect(container.env[1].valueFrom?.fieldPath == "status.podIP")
        #expect(container.env[2].valueFrom?.secretKeyRef?.key == "password")
        #expect(container.envFrom.first?.source == .configMap)
        #expect(container.readinessProbe?.port == .string("http"))
        #expect(container.livenessProbe?.periodSeconds == 20)
        #expect(container.startupProbe?.handler == .exec(command: ["cat", "/tmp/ready"]))
        #expect(container.securityContext?.runAsUser == 101)
        #expect(container.volumeMounts.first?.readOnly == true)
    }

    @Test func deploymentKeepsSchedulingConstraints() throws {
        let spec = try #require(set.deployments.first).spec.template.spec
        let required = try #require(spec.affinity?.nodeAffinity?.required)
        #expect(required.matches(labels: ["topology.kubernetes.io/zone": "b"], nodeName: "x"))
        #expect(spec.affinity?.nodeAffinity?.preferred.first?.weight == 50)
        let anti = try #require(spec.affinity?.podAntiAffinity?.preferred.first)
        #expect(anti.podAffinityTerm.topologyKey == "kubernetes.io/hostname")
        #expect(anti.podAffinityTerm.matchLabelKeys == ["pod-template-hash"])
        #expect(spec.tolerations.first?.tolerates(Taint(key: "dedicated", value: "web", effect: .noSchedule)) == true)
        #expect(spec.topologySpreadConstraints.first?.minDomains == 2)
        #expect(spec.topologySpreadConstraints.first?.whenUnsatisfiable == .doNotSchedule)
        #expect(
            spec.volumes.map(\.source) == [
                .configMap(name: "web-config", optional: false),
                .persistentVolumeClaim(claimName: "web-data", readOnly: false),
                .emptyDir,
            ])
    }

    @Test func effectiveRequestsSumContainers() throws {
        let spec = try #require(set.deployments.first).spec.template.spec
        #expect(spec.effectiveRequests.cpu == Quantity("250m"))
        #expect(spec.effectiveRequests.memory == Quantity("64Mi"))
    }

    @Test func statefulSetKeepsOrdinalsAndClaims() throws {
        let statefulSet = try #require(set.statefulSets.first)
        #expect(statefulSet.spec.serviceName == "zk-hs")
        #expect(statefulSet.spec.podNames(setName: "zk") == ["zk-1", "zk-2", "zk-3"])
        #expect(statefulSet.spec.updateStrategy.partition == 1)
        #expect(statefulSet.spec.volumeClaimTemplates.first?.storage == Quantity("10Gi"))
        #expect(statefulSet.spec.volumeClaimTemplates.first?.metadata.namespace == nil)
    }

    @Test func jobAndCronJobKeepTheirKnobs() throws {
        let job = try #require(set.jobs.first)
        #expect(job.spec.completions == 5)
        #expect(job.spec.initialPodCount == 2)
        #expect(job.spec.completionMode == "Indexed")
        let cronJob = try #require(set.cronJobs.first)
        #expect(cronJob.spec.schedule == "0 3 * * *")
        #expect(cronJob.spec.concurrencyPolicy == "Forbid")
        #expect(cronJob.spec.jobTemplate.template.spec.restartPolicy == "OnFailure")
    }

    @Test func serviceKeepsPortsAndStatus() throws {
        let service = try #require(set.services.first)
        #expect(service.spec.type == .loadBalancer)
        #expect(service.spec.ports.first?.targetPort == .string("http"))
        #expect(service.spec.ports.first?.nodePort == 30080)
        #expect(service.spec.sessionAffinityTimeoutSeconds == 10800)
        #expect(service.spec.externalTrafficPolicy == "Local")
        #expect(service.loadBalancerIngress.first?.ip == "203.0.113.10")
    }

    @Test func ingressKeepsRulesAndTLS() throws {
        let ingress = try #require(set.ingresses.first)
        #expect(ingress.className == "nginx")
        #expect(ingress.spec.rules.first?.paths.map(\.pathType) == ["Prefix", "Exact"])
        #expect(ingress.spec.rules.first?.paths.first?.backend.servicePort == .string("http"))
        #expect(ingress.spec.defaultBackend?.servicePort == .int(80))
        #expect(ingress.spec.tls.first?.secretName == "shop-tls")
        #expect(set.ingressClasses.first?.isDefault == true)
    }

    @Test func networkPolicyKeepsPeersAndPorts() throws {
        let policy = try #require(set.networkPolicies.first)
        #expect(policy.spec.policyTypes == ["Ingress", "Egress"])
        #expect(!policy.spec.policyTypesGiven)
        let rule = try #require(policy.spec.ingress.first)
        #expect(rule.peers.count == 3)
        #expect(rule.peers[2].ipBlock?.except == ["10.1.0.0/16"])
        #expect(rule.ports[1].endPort == 30100)
        #expect(rule.ports[1].protocol == .udp)
        #expect(policy.spec.egress.first?.peers.first?.podSelector?.isEmpty == true)
    }

    @Test func nodeKeepsInventory() throws {
        let node = try #require(set.nodes.first)
        #expect(node.podCIDRs == ["10.244.1.0/24"])
        #expect(node.taints.first?.description == "dedicated=web:NoSchedule")
        #expect(node.effectiveAllocatable.cpu == Quantity("3800m"))
        #expect(node.effectiveAllocatable.pods == Quantity("110"))
        #expect(node.images.first?.sizeBytes == 70_000_000)
        #expect(node.internalIP == "192.168.1.11")
        #expect(node.conditions["Ready"] == "True")
        #expect(node.metadata.namespace == nil)
    }

    @Test func lightKindsKeepWhatReferencesNeed() throws {
        #expect(set.configMaps.first?.keys == ["mode", "nginx.conf"])
        #expect(set.secrets.first?.keys == ["password"])
        #expect(set.serviceAccounts.first?.automountServiceAccountToken == false)
        #expect(set.persistentVolumeClaims.first?.storageClassName == "fast")
        #expect(set.namespaces.first?.effectiveLabels["kubernetes.io/metadata.name"] == "shop")
        let crd = try #require(set.customResourceDefinitions.first)
        #expect(crd.kind == "Widget")
        #expect(crd.versions.map(\.served) == [true, false])
        #expect(crd.versions.first?.schema?["type"]?.text == "object")
        #expect(set.horizontalPodAutoscalers.first?.scaleTargetRef.kind == "Deployment")
        #expect(set.podDisruptionBudgets.first?.minAvailable == .int(2))
        #expect(set.endpoints.first?.subsets.first?.ports.first?.port == 5432)
        #expect(set.endpointSlices.first?.serviceName == "external-db")
    }

    @Test func clusterDocumentOverridesDefaults() {
        let cluster = set.cluster
        #expect(cluster.kubernetesVersion == "1.34")
        #expect(cluster.serviceCIDRs == ["10.100.0.0/16"])
        #expect(cluster.dnsServiceIP == "10.100.0.10")
        #expect(cluster.nodePortRange == 30000...31000)
        #expect(cluster.masqueradeBit == 15)
        #expect(cluster.clusterDomain == "cluster.local")
    }

    @Test func workloadsListEveryPodMaker() {
        #expect(
            set.workloads.map(\.kind) == [
                "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
                "Pod",
            ])
        #expect(set.workloads.map(\.desiredPods) == [3, 2, 3, nil, 2, nil, 1])
    }

    @Test func lookupFindsByKindNamespaceAndName() {
        #expect(set.manifest(kind: "Service", namespace: "shop", name: "web") != nil)
        #expect(set.manifest(kind: "Service", namespace: "default", name: "web") == nil)
        #expect(set.manifest(kind: "Node", namespace: nil, name: "node-1") != nil)
        #expect(set.manifests(ofKind: "Deployment").count == 1)
    }

    @Test func typedValuesKnowWhereTheyCameFrom() throws {
        let service = try #require(set.services.first)
        let port = try #require(service.spec.ports.first)
        #expect(port.node?.range.file == "all-kinds.yaml")
        #expect(port.node?["nodePort"]?.text == "30080")
        #expect(port.node?.location.line == service.node.location.line + 6)
    }
}

@Suite struct ManifestIndexTests {
    @Test func appendedManifestsAreFound() throws {
        var set = decode("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}")
        let other = try #require(
            decode("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}").manifests.first)
        set.append(other)
        #expect(set.manifest(kind: "Service", namespace: "a", name: "s") != nil)
        #expect(set.manifests(ofKind: "Namespace").count == 1)
        #expect(set.services.count == 1)
    }

    @Test func duplicatesAreAllIndexed() {
        let set = decode(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            """)
        #expect(set.index.byKey[ManifestIndex.Key(kind: "ConfigMap", namespace: "default", name: "c")]?.count == 2)
    }
}
