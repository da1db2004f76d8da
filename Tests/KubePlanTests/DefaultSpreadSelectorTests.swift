import KubeModel
import KubePlan
import KubeYAML
import Testing

/// The spread plugins' default selector (`helper.DefaultSelector`): the selectors of the Services of the pod's
/// namespace that select it, ANDed with its owner's selector.
struct DefaultSpreadSelectorTests {
    private static let input = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: main, image: nginx:1.27}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: by-app, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: by-tier, namespace: shop}
        spec: {selector: {tier: front, app: web}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: partly, namespace: shop}
        spec: {selector: {app: web, tier: back, zone: a}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: elsewhere, namespace: other}
        spec: {selector: {app: web, team: x}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: everything, namespace: shop}
        spec: {selector: {}, ports: [{port: 80}]}
        """

    @Test func mergesTheSelectingServicesOfTheNamespaceWithTheOwner() throws {
        let set = ManifestSet.decode(YAMLLoader.load(text: Self.input, file: "test.yaml"))
        let pods = WorkloadExpander.expand(set, nodes: [], referenceTime: 0).pods
        #expect(pods.count == 2)
        for pod in pods {
            let hash = try #require(pod.spec.labels["pod-template-hash"])
            let selector = try #require(pod.spec.defaultSpreadSelector)
            #expect(selector.matchLabels == ["app": "web", "tier": "front", "pod-template-hash": hash])
            #expect(selector.matchExpressions.isEmpty)
        }
    }
}
