import KubePlan
import Testing

@Suite struct PodTopologySpreadTests {
    static func deployment(replicas: Int, when: String, maxSkew: Int = 1, extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              topologySpreadConstraints:
                - maxSkew: \(maxSkew)
                  topologyKey: zone
                  whenUnsatisfiable: \(when)
                  labelSelector:
                    matchLabels:
                      app: web
              containers:
                - name: main
                  image: nginx
        \(extra)
        ---

        """
    }

    /// Zone a has two nodes, zone b one with room for a single web pod.
    static let nodes = node("a1", labels: ["zone": "a"]) + node("a2", labels: ["zone": "a"])
        + node("b1", pods: "1", labels: ["zone": "b"])

    @Test func doNotScheduleKeepsSkewWithinMaxSkew() {
        let result = plan(Self.nodes + Self.deployment(replicas: 4, when: "DoNotSchedule"))
        let zoneA = (result.podsPerNode["a1"] ?? 0) + (result.podsPerNode["a2"] ?? 0)
        #expect(zoneA == 2)
        #expect(result.podsPerNode["b1"] == 1)
        #expect(result.plan.unschedulable.first?.message?.hasPrefix(
            "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match pod topology spread constraints.") == true)
    }

    @Test func scheduleAnywayPlacesEveryReplica() {
        let result = plan(Self.nodes + Self.deployment(replicas: 4, when: "ScheduleAnyway"))
        #expect(result.plan.unschedulable.isEmpty)
        #expect(result.podsPerNode["b1"] == 1)
    }

    @Test func nodesWithoutTheKeyFailWithMissingLabel() {
        let result = plan(node("x") + Self.deployment(replicas: 1, when: "DoNotSchedule"))
        #expect(result.plan.unschedulable.first?.message?.hasPrefix(
            "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label).") == true)
    }

    @Test func largerMaxSkewAllowsImbalance() {
        let result = plan(node("a1", labels: ["zone": "a"]) + node("b1", pods: "0", labels: ["zone": "b"])
            + Self.deployment(replicas: 3, when: "DoNotSchedule", maxSkew: 2))
        #expect(result.podsPerNode["a1"] == 2)
    }

    @Test func systemDefaultSpreadsReplicasOverHosts() {
        let plain = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: main
                  image: nginx
                  resources:
                    requests:
                      cpu: 10m
        ---

        """
        let result = plan(node("n1") + node("n2") + node("n3") + plain)
        #expect(result.podsPerNode == ["n1": 1, "n2": 1, "n3": 1])
    }
}
