import KubeModel
import KubePlan
import KubeYAML
import Testing

/// `PlanOptions.pinned`: running pods keep their node and IP; only new pods are scheduled.
@Suite struct PinnedPlacementTests {
    static let nodes = """
        apiVersion: v1
        kind: Node
        metadata: {name: a, labels: {kubernetes.io/hostname: a}}
        spec: {podCIDR: 10.244.1.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: b, labels: {kubernetes.io/hostname: b}}
        spec: {podCIDR: 10.244.2.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        """

    static func statefulSet(replicas: Int) -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: \(replicas)
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - {name: db, image: "db:1", resources: {requests: {cpu: 100m, memory: 64Mi}}}
        """
    }

    static func plan(replicas: Int, pinned: [String: PinnedPlacement] = [:]) -> PlanResult {
        let set = ManifestSet.decode(YAMLLoader.load(text: nodes + "\n---\n" + statefulSet(replicas: replicas)))
        var options = PlanOptions()
        options.pinned = pinned
        return Planner.plan(set, options: options)
    }

    @Test func pinnedPodsKeepTheirNodeAndAddressEvenAgainstTheScores() throws {
        // Pin db-0 to node b with an address in the middle of b's range.
        let pin = PinnedPlacement(node: "b", ip: IPAddress("10.244.2.7"))
        let result = Self.plan(replicas: 2, pinned: ["default/db-0": pin])
        let db0 = try #require(result.plan.pods.first { $0.name == "db-0" })
        #expect(db0.node == "b")
        #expect(db0.ip == IPAddress("10.244.2.7"))
    }

    @Test func newPodsAvoidAddressesPinnedPodsHold() throws {
        let first = Self.plan(replicas: 1)
        let db0 = try #require(first.plan.pods.first { $0.name == "db-0" })
        let node = try #require(db0.node)
        let pinned = ["default/db-0": PinnedPlacement(node: node, ip: db0.ip)]
        let second = Self.plan(replicas: 3, pinned: pinned)
        let again = try #require(second.plan.pods.first { $0.name == "db-0" })
        #expect(again.node == db0.node && again.ip == db0.ip)
        let addresses = second.plan.pods.compactMap(\.ip)
        #expect(Set(addresses).count == addresses.count)
    }

    @Test func aPinToAVanishedNodeIsScheduledAfresh() throws {
        let result = Self.plan(replicas: 1, pinned: ["default/db-0": PinnedPlacement(node: "gone", ip: nil)])
        let db0 = try #require(result.plan.pods.first { $0.name == "db-0" })
        #expect(db0.node == "a" || db0.node == "b")
    }
}
