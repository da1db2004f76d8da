import KubeLint
import KubeModel
import KubeYAML
import Testing

/// Cross-resource checks are namespace-aware and independent of files and their order.
struct LintContextTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]
        """

    static func service(namespace: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: \(namespace)}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http}]
        """
    }

    @Test func aServiceInAnotherNamespaceSelectsNothing() {
        let diagnostics = Lint.run(files: [("a.yaml", Self.deployment), ("b.yaml", Self.service(namespace: "other"))])
        #expect(diagnostics.contains { $0.rule == "service-selector-matches-no-pod" })
    }

    @Test func aServiceInTheSameNamespaceInAnotherFileSelectsThePods() {
        let diagnostics = Lint.run(files: [("deploy/a.yaml", Self.deployment), ("svc/b.yaml", Self.service(namespace: "shop"))])
        #expect(!diagnostics.contains { $0.rule == "service-selector-matches-no-pod" })
        #expect(!diagnostics.contains { $0.rule == "service-target-port-not-found" })
    }

    @Test func fileOrderDoesNotChangeTheFindings() {
        let files = [("a.yaml", Self.deployment), ("b.yaml", Self.service(namespace: "other")),
                     ("c.yaml", Self.service(namespace: "shop").replacingOccurrences(of: "targetPort: http", with: "targetPort: web"))]
        let forward = Lint.run(files: files)
        let backward = Lint.run(files: files.reversed())
        #expect(forward == backward)
        #expect(!forward.isEmpty)
    }

    @Test func podsOfAReplicationControllerCount() {
        let controller = """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: web}
            spec:
              selector: {app: web}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "nginx:1.27", ports: [{name: http, containerPort: 80}]}]
            """
        let diagnostics = Lint.run(files: [("rc.yaml", controller), ("svc.yaml", Self.service(namespace: "default"))])
        #expect(!diagnostics.contains { $0.rule == "service-selector-matches-no-pod" || $0.rule == "service-target-port-not-found" })
    }

    @Test func aServiceSelectingOneStatefulSetPodByNameMatches() {
        let set = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              replicas: 2
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: "postgres:17"}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db-1}
            spec:
              selector: {statefulset.kubernetes.io/pod-name: db-1}
              ports: [{port: 5432}]
            """
        #expect(!Lint.run(set).contains { $0.rule == "service-selector-matches-no-pod" })
    }

    @Test func findingsCarryTheirObjectAndAnAPIStylePath() throws {
        let diagnostics = Lint.run(Self.deployment.replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 70000"))
        let port = try #require(diagnostics.first { $0.rule == "invalid-container-port" })
        #expect(port.object?.name == "web")
        #expect(port.message == "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive")
    }
}
