import KubeModel
import KubePlan
import KubeYAML
import Testing

/// Behaviours the planner's shortcuts must keep: per-node resource scores kept between cycles, and the
/// template hash computed from the tree's bytes.
@Suite struct PlanSpeedupTests {
    /// n2 wins the first pod (189 to 132); once it holds it, n1 wins the same pod again.
    @Test func resourceScoresFollowTheNodeThatTookAPod() {
        let result = plan(
            node("n1", cpu: "5", memory: "10Gi") + node("n2", cpu: "4", memory: "8Gi")
                + pod("a", cpu: "1", memory: "2Gi") + pod("b", cpu: "1", memory: "2Gi"))
        // a: n1 (80 + 100) beats n2 (75 + 100); b: n1 now scores 60 + 100, below n2's 75 + 100.
        #expect(result.node(of: "default/a") == "n1")
        #expect(result.node(of: "default/b") == "n2")
    }

    /// A pod with other requests is scored afresh on the nodes the previous pod left alone.
    @Test func resourceScoresFollowThePodsRequests() {
        let result = plan(
            node("n1", cpu: "8", memory: "1536Mi") + node("n2", cpu: "1", memory: "16Gi")
                + pod("a", cpu: "100m", memory: "1Gi") + pod("b", cpu: "500m", memory: "100Mi"))
        // a: n2 (91 + 98) beats n1 (65 + 67). b: n1 scores 93 + 99, n2 (holding a) 66 + 73; with a's
        // scores for n1 (132) b would go to n2.
        #expect(result.node(of: "default/a") == "n2")
        #expect(result.node(of: "default/b") == "n1")
    }

    /// Keys out of order, non-ASCII keys and every scalar type: the hashes kubec has always given
    /// (recorded from the implementation before the byte-level one).
    @Test func templateHashIsUnchanged() {
        let input = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web, zeta: "1", alpha: "true"}
                  annotations: {"éclair": x, "Ärger": y, "zz": 3, "a": null, "a-b": 1.5, "ab": on, "日本": "z"}
                spec:
                  containers:
                  - {name: main, image: nginx, ports: [{containerPort: 80}, {containerPort: 443, name: tls}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: plain, namespace: default}
            spec:
              replicas: 1
              selector: {matchLabels: {app: plain}}
              template:
                metadata: {labels: {app: plain}}
                spec:
                  containers: [{name: main, image: nginx}]

            """
        let names = plan(input).plan.pods.map(\.name)
        #expect(names == ["plain-6669f579d5-dw25b", "web-5cc8cb686d-k4kx8"])
    }

    /// ImageLocality's `normalizedImageName`: `:latest` unless the last path part has a tag or there is a digest.
    @Test(arguments: [
        ("nginx", "nginx:latest"), ("nginx:1.2", "nginx:1.2"), ("host:5000/repo", "host:5000/repo:latest"),
        ("repo@sha256:abc", "repo@sha256:abc"), ("img@abc", "img@abc"), ("a:b/", "a:b/"), ("///", "///:latest"), ("", ":latest"),
        ("höst/répo", "höst/répo:latest"),
    ])
    func imagesGetLatestUnlessTagged(_ image: String, _ expected: String) {
        #expect(SchedulingSpec.normalizedImage(image) == expected)
    }

    /// The JSON plan rendered in chunks is byte for byte the whole tree rendered at once: no pods, one chunk,
    /// and 9,000 pods in two chunks.
    @Test(arguments: [0, 3, 9000])
    func chunkedJSONMatchesTheWholeTree(_ replicas: Int) {
        let result = plan(
            node("n1", pods: "9010") + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  replicas: \(replicas)
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: main, image: nginx}]

                """)
        #expect(result.plan.pods.count == replicas)
        #expect(PlanJSONRenderer.render(result) == PlanJSONRenderer.json(result).rendered(pretty: true) + "\n")
    }
}
