import KubePlan
import Testing

@Suite struct InterPodAffinityTests {
    static func deployment(_ name: String, replicas: Int, labels: String, affinity: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
        \(labels)
            spec:
              containers:
                - name: main
                  image: busybox
        \(affinity)
        ---

        """
    }

    static func term(_ kind: String, app: String, key: String = "kubernetes.io/hostname") -> String {
        """
              affinity:
                \(kind):
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - topologyKey: \(key)
                      labelSelector:
                        matchLabels:
                          app: \(app)
        """
    }

    static let threeNodes = node("n1", labels: ["zone": "a"]) + node("n2", labels: ["zone": "a"]) + node("n3", labels: ["zone": "b"])

    @Test func requiredAntiAffinityPutsOneReplicaPerHost() {
        let result = plan(Self.threeNodes + Self.deployment("db", replicas: 3, labels: "", affinity: Self.term("podAntiAffinity", app: "db")))
        #expect(result.podsPerNode == ["n1": 1, "n2": 1, "n3": 1])
    }

    @Test func requiredAntiAffinityLeavesTheExtraReplicaPending() {
        let result = plan(Self.threeNodes + Self.deployment("db", replicas: 4, labels: "", affinity: Self.term("podAntiAffinity", app: "db")))
        #expect(result.plan.unschedulable.first?.message?.hasPrefix(
            "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.") == true)
    }

    @Test func antiAffinityOnZoneCountsTheWholeDomain() {
        let result = plan(Self.threeNodes + Self.deployment("db", replicas: 3, labels: "",
                                                            affinity: Self.term("podAntiAffinity", app: "db", key: "zone")))
        #expect(result.plan.unschedulable.count == 1)
    }

    @Test func firstPodOfASelfAffineGroupSchedules() {
        let result = plan(Self.threeNodes + Self.deployment("cache", replicas: 3, labels: "", affinity: Self.term("podAffinity", app: "cache")))
        #expect(result.plan.unschedulable.isEmpty)
        #expect(result.podsPerNode.count == 1)
    }

    @Test func affinityToAbsentPodsIsUnschedulable() {
        let result = plan(Self.threeNodes + Self.deployment("web", replicas: 1, labels: "", affinity: Self.term("podAffinity", app: "cache")))
        #expect(result.plan.unschedulable.first?.message?.hasPrefix(
            "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.") == true)
    }

    @Test func affinityFollowsTheTargetPodsDomain() {
        let target = pod("cache", labels: ["app": "cache"], spec: "  nodeName: n3\n")
        let result = plan(Self.threeNodes + target
            + Self.deployment("web", replicas: 2, labels: "", affinity: Self.term("podAffinity", app: "cache", key: "zone")))
        #expect(result.podsPerNode == ["n3": 3])
    }

    @Test func existingPodsAntiAffinityRepelsMatchingPods() {
        let anti = """
              nodeName: n1
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - topologyKey: kubernetes.io/hostname
                      labelSelector:
                        matchLabels:
                          app: noisy
            """
        let guardPod = pod("guard", labels: ["app": "guard"], spec: anti)
        let result = plan(node("n1") + guardPod + pod("noisy", labels: ["app": "noisy"]))
        #expect(result.message(of: "default/noisy")?.hasPrefix(
            "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules.") == true)
    }

    @Test func preferredAntiAffinitySpreadsReplicas() {
        let preferred = """
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app: web
        """
        let result = plan(Self.threeNodes + Self.deployment("web", replicas: 3, labels: "", affinity: preferred))
        #expect(result.podsPerNode == ["n1": 1, "n2": 1, "n3": 1])
    }
}
