import KubePlan
import Testing

/// Generated pod names are unique per namespace: the same workload name in two namespaces gets the same names.
@Suite struct PodNameNamespaceTests {
    static func replicaSet(namespace: String) -> String {
        """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web
          namespace: \(namespace)
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: main
                  image: nginx:1.25
        ---

        """
    }

    @Test func sameWorkloadNameInTwoNamespacesGetsTheSameFirstSuffix() {
        let result = plan(node("w1") + Self.replicaSet(namespace: "a") + Self.replicaSet(namespace: "b"))
        let expected = "web-\(PodNames.suffix("web", 0))"
        #expect(result.plan.pods.map(\.key).sorted() == ["a/\(expected)", "b/\(expected)"])
    }
}
