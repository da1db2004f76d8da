import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

/// The demo set in `manifests/` decodes cleanly into the typed kinds it is written to exercise.
@Suite struct DemoManifestTests {
    private let set: ManifestSet = {
        let inputs = InputCollector.collect([RepositoryPaths.manifests])
        return ManifestSet.decode(YAMLLoader.load(inputs.inputs))
    }()

    @Test func decodesWithoutDiagnostics() {
        #expect(!set.manifests.isEmpty)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map { "\($0.path ?? ""): \($0.message)" })")
    }

    @Test func everyDocumentIsTyped() {
        let generic = set.manifests.filter(\.object.isGeneric).map(\.identity.storageKey)
        #expect(generic.isEmpty, "\(generic)")
    }

    @Test func containsEveryExpectedKind() {
        let kinds = Set(set.manifests.map(\.identity.kind))
        let expected: Set<String> = [
            "Cluster", "ConfigMap", "CronJob", "DaemonSet", "Deployment", "HorizontalPodAutoscaler", "Ingress",
            "IngressClass", "Job", "Namespace", "NetworkPolicy", "Node", "PodDisruptionBudget", "Secret", "Service",
            "ServiceAccount", "StatefulSet",
        ]
        #expect(expected.isSubset(of: kinds), "missing: \(expected.subtracting(kinds).sorted())")
    }

    @Test func typedListsSeeTheInventory() {
        #expect(set.nodes.count == 4)
        #expect(set.nodes.allSatisfy { $0.effectiveAllocatable.cpu != nil })
        #expect(set.workloads.count == 5)
        #expect(set.services.contains { $0.spec.isHeadless })
        #expect(set.services.contains { $0.spec.type == .externalName })
        #expect(set.ingresses.first?.spec.tls.isEmpty == false)
    }

    @Test func everyServiceSelectorMatchesSomeWorkloadTemplate() {
        let templates = set.workloads.map { ($0.metadata.namespace, $0.template.labels) }
        for service in set.services {
            guard let selector = service.spec.selector else { continue }
            let matched = templates.contains { namespace, labels in
                namespace == service.metadata.namespace && selector.allSatisfy { labels[$0.key] == $0.value }
            }
            #expect(matched, "Service \(service.metadata.name) selects no workload")
        }
    }
}
