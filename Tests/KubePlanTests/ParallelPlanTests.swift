import KubeModel
import KubePlan
import KubeYAML
import Testing

/// The plan's work on two threads gives exactly what one thread gives, and `compile` gets the plan's findings
/// before endpoints are resolved.
@Suite struct ParallelPlanTests {
    /// `count` one-replica Deployments over `namespaces` namespaces, each with a preferred anti-affinity term
    /// (workload-wide term ids) and a Service selecting it (the spread plugin's default selector).
    static func input(count: Int, namespaces: Int) -> ManifestSet {
        // Three nodes: each node's default pod CIDR (a /24) gives 254 pods an address.
        var text = node("n1", pods: "300") + node("n2", pods: "300") + node("n3", pods: "300")
        for index in 0..<count {
            let name = "app-\(index)"
            text += """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: \(name), namespace: ns-\(index % namespaces)}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: \(name)}}
                  template:
                    metadata: {labels: {app: \(name)}}
                    spec:
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 100
                            podAffinityTerm:
                              topologyKey: kubernetes.io/hostname
                              labelSelector: {matchLabels: {app: \(name)}}
                      containers: [{name: c, image: "nginx:1.27"}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: \(name), namespace: ns-\(index % namespaces)}
                spec:
                  selector: {app: \(name)}
                  ports: [{port: 80}]
                ---

                """
        }
        return ManifestSet.decode(YAMLLoader.load(text: text, file: "test.yaml"))
    }

    static let set = input(count: 600, namespaces: 7)

    static func expand(_ set: ManifestSet, limits: ExpansionLimits = .default, parallel: Bool) -> ExpansionResult {
        let nodes = Inventory.build(set, maxNodes: 10).schedulerNodes
        return WorkloadExpander.expand(set, nodes: nodes, referenceTime: 0, limits: limits, parallel: parallel)
    }

    @Test func twoRunsOfWholeNamespacesMakeThePodsOneRunMakes() {
        let split = Self.expand(Self.set, parallel: true)
        let single = Self.expand(Self.set, parallel: false)
        #expect(split.pods.count == 600)
        #expect(split.pods.map(\.key) == single.pods.map(\.key))
        #expect(split.pods.map(\.queueOrder) == single.pods.map(\.queueOrder))
        #expect(split.pods.map { $0.spec.preferredAntiAffinity.map(\.id) } == single.pods.map {
            $0.spec.preferredAntiAffinity.map(\.id)
        })
        #expect(split.pods.map { $0.spec.defaultSpreadSelector } == single.pods.map { $0.spec.defaultSpreadSelector })
    }

    /// Past the plan-wide limit the later namespaces get fewer pods than they would alone: one run again.
    @Test func pastThePodLimitTheSplitRunsGiveWayToOne() {
        var limits = ExpansionLimits.default
        limits.maxPodsTotal = 550
        let split = Self.expand(Self.set, limits: limits, parallel: true)
        let single = Self.expand(Self.set, limits: limits, parallel: false)
        #expect(split.pods.count == 550)
        #expect(split.pods.map(\.key) == single.pods.map(\.key))
        #expect(split.diagnostics.map(\.message) == single.diagnostics.map(\.message))
    }

    @Test func servicesGetTheirEndpointsInTheirOrderWhenResolvedInHalves() {
        let result = Compilation.resolve(Self.set)
        #expect(result.state.services.map(\.key) == Planner.plan(Self.set).state.services.map(\.key))
        let backends = result.state.services.map { service in
            service.ports.first?.endpoints.map(\.podName) ?? []
        }
        let expected = result.state.services.map { service in
            result.state.pods.filter { $0.labels["app"] == service.name && $0.namespace == service.namespace }
                .map { "\($0.namespace)/\($0.name)" }
        }
        #expect(backends == expected)
        #expect(backends.allSatisfy { $0.count == 1 })
    }

    @Test func afterExpansionIsCalledOnce() {
        let calls = Calls()
        var options = PlanOptions()
        options.afterExpansion = { calls.add() }
        _ = Planner.plan(Self.input(count: 3, namespaces: 2), options: options)
        #expect(calls.count == 1)
    }

    /// NetworkPolicy findings come from the policies, not the endpoints: they are in the early result.
    @Test func theEarlyFindingsAreTheResultsFindings() {
        let text = node("n1") + pod("a", cpu: "64") + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: default}
            spec:
              podSelector: {}
              ingress: [{from: [{ipBlock: {cidr: bogus}}]}]
            ---

            """
        let early = Findings()
        let result = Compilation.resolve(
            ManifestSet.decode(YAMLLoader.load(text: text, file: "test.yaml")), findings: { early.store($0) })
        #expect(early.result?.diagnostics.map(\.message) == result.diagnostics.map(\.message))
        #expect(result.diagnostics.contains { $0.message.contains("bogus") })
        #expect(early.result.map { PlanFindings.unschedulable($0.plan).count } == 1)
    }
}

private final class Calls: @unchecked Sendable {
    private(set) var count = 0
    func add() { count += 1 }
}

private final class Findings: @unchecked Sendable {
    private(set) var result: PlanResult?
    func store(_ value: PlanResult) { result = value }
}
