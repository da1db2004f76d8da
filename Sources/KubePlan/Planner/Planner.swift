import Dispatch
import KubeModel
import KubeYAML

/// The plan stage: inventory, pod expansion, scheduling, IPAM, Services and Ingresses → `ClusterState`.
///
/// Queue order (kube's PrioritySort, with "enqueue time" made deterministic): pods bound by `spec.nodeName`
/// first (they never reach the scheduler), then by priority, highest first, then by workload
/// (namespace, name, kind) and replica index.
package enum Planner {
    package static func plan(_ set: ManifestSet, options: PlanOptions = PlanOptions()) -> PlanResult {
        let inventory = Inventory.build(set, maxNodes: options.limits.maxNodes)
        // Services do not depend on placement: they are converted on the other core while the pods are placed.
        let placed = ResultSlots<Placement>(count: 1)
        let converted = ResultSlots<([ServiceState], [Diagnostic])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                placed.store(place(set, inventory, options: options), at: 0)
            } else {
                converted.store(ServiceConversion.convert(set, settings: inventory.settings), at: 0)
            }
        }
        guard let placement = placed.values().first, let (services, serviceDiagnostics) = converted.values().first
        else { preconditionFailure("a planning worker stored no value") }
        let state = ClusterState(
            settings: inventory.settings, nodes: inventory.nodes, pods: placement.pods,
            services: services, ingresses: IngressConversion.convert(set.ingresses))
        return PlanResult(
            state: state, plan: placement.plan, diagnostics: placement.diagnostics + serviceDiagnostics,
            explanation: placement.explanation)
    }

    /// What `place` returns: the plan, the pods' states, the findings so far (inventory first) and `--explain`.
    struct Placement: Sendable {
        var plan: PlacementPlan
        var pods: [PodState]
        var diagnostics: [Diagnostic]
        var explanation: Explanation?
    }

    /// Expansion, scheduling and pod IPs.
    static func place(_ set: ManifestSet, _ inventory: Inventory, options: PlanOptions) -> Placement {
        var diagnostics = inventory.diagnostics
        let expansion = WorkloadExpander.expand(
            set, nodes: inventory.schedulerNodes, referenceTime: options.referenceTime, limits: options.limits)
        diagnostics += expansion.diagnostics
        options.afterExpansion?()

        let legacy = (inventory.settings.kubernetesMinor ?? 99) <= 33
        var scheduler = Scheduler(
            snapshot: ClusterSnapshot(
                nodes: inventory.schedulerNodes, namespaceLabels: namespaceLabels(set, expansion)),
            profile: .default(
                legacyTaintReason: legacy,
                taintComparisonOperators: set.cluster.isEnabled(Toleration.comparisonOperatorsGate)),
            seed: options.seed)
        var nodeIndex: [String: Int] = [:]
        for (index, node) in inventory.schedulerNodes.enumerated() { nodeIndex[node.name] = index }

        var placedOrder: [(pod: Int, node: Int)] = []
        var explanation: Explanation?
        let bound = expansion.pods.indices.filter { expansion.pods[$0].boundNode?.isEmpty == false }
        // Running pods (options.pinned) keep their node when it still exists; they never reach the queue.
        let pinned: [Int: Int] = Dictionary(uniqueKeysWithValues: expansion.pods.indices.compactMap { index in
            guard expansion.pods[index].boundNode?.isEmpty != false,
                  let pin = options.pinned[expansion.pods[index].key], let node = nodeIndex[pin.node]
            else { return nil }
            return (index, node)
        })
        let priorities = expansion.pods.map(\.spec.priority)
        let order = expansion.pods.map(\.queueOrder)
        let queued = expansion.pods.indices.filter { expansion.pods[$0].boundNode?.isEmpty != false && pinned[$0] == nil }
            .sorted { lhs, rhs in
                if priorities[lhs] != priorities[rhs] { return priorities[lhs] > priorities[rhs] }
                return order[lhs] < order[rhs]
            }
        var outcomes: [Outcome] = Array(
            repeating: (nil, nil, 0), count: expansion.pods.count)
        for index in bound {
            let pod = expansion.pods[index]
            if let name = pod.boundNode, let node = nodeIndex[name] {
                scheduler.bind(pod.spec, to: node)
                outcomes[index] = (node, nil, 0)
                placedOrder.append((index, node))
            } else {
                outcomes[index] = (
                    nil, "spec.nodeName \(pod.boundNode?.debugDescription ?? "") is not a Node of the inventory", 0
                )
            }
        }
        for (index, node) in pinned.sorted(by: { order[$0.key] < order[$1.key] }) {
            scheduler.bind(expansion.pods[index].spec, to: node)
            outcomes[index] = (node, nil, 0)
            placedOrder.append((index, node))
        }
        // Replicas of one ReplicaSet share one SchedulingSpec: once one fails and nothing has been placed since,
        // the next fails the same way, so its attempt is replayed instead of run (a Deployment of 65,536
        // replicas on a full cluster costs one attempt, not 65,536).
        var lastFailure: (owner: ObjectIdentity, message: String?, processed: Int)?
        // Pods are read in place (`expansion.pods[index]`), never copied: a copy retains every string and array
        // of the pod and its scheduling spec.
        for index in queued {
            let explain = options.explain != nil && expansion.pods[index].key == options.explain
            let replicaOwner = Self.interchangeableReplicaOwner(expansion.pods[index])
            if !explain, let last = lastFailure, let replicaOwner, last.owner == replicaOwner {
                scheduler.replayFailure(processed: last.processed)
                outcomes[index] = (nil, last.message, 0)
                continue
            }
            let (outcome, explained) = scheduler.schedule(expansion.pods[index].spec, explain: explain)
            if let explained { explanation = explained }
            outcomes[index] = (outcome.node, outcome.message, outcome.tiedNodes)
            if let node = outcome.node { placedOrder.append((index, node)) }
            lastFailure = outcome.node == nil ? replicaOwner.map { ($0, outcome.message, scheduler.lastProcessed) } : nil
        }

        var ips = PodIPAllocator()
        // One address per family of the node's pod CIDRs, in their order (the first is the pod's primary IP).
        var podIPs = [[IPAddress]](repeating: [], count: expansion.pods.count)
        for (index, node) in pinned.sorted(by: { order[$0.key] < order[$1.key] }) where !expansion.pods[index].hostNetwork {
            let cidrs = inventory.nodes[node].podCIDRs
            for address in options.pinned[expansion.pods[index].key]?.ips ?? [] {
                if let cidr = cidrs.first(where: { $0.contains(address) }), ips.reserve(node: node, cidr: cidr, address: address) {
                    podIPs[index].append(address)
                }
            }
        }
        for (index, node) in placedOrder {
            if expansion.pods[index].hostNetwork { continue }
            var families: [IPFamily] = []
            for cidr in inventory.nodes[node].podCIDRs {
                let family = IPFamily(of: cidr.network)
                if families.contains(family) { continue }
                families.append(family)
                if podIPs[index].contains(where: family.contains) { continue }
                if let address = ips.allocate(node: node, cidr: cidr) {
                    podIPs[index].append(address)
                    continue
                }
                diagnostics.append(
                    Diagnostic(
                        rule: "pod-cidr-exhausted", severity: .error,
                        message:
                            "node \(inventory.nodes[node].name) has no free address left in \(cidr) for pod \(expansion.pods[index].key)",
                        range: expansion.pods[index].source, object: expansion.pods[index].object))
            }
        }

        // Both lists hold the pods sorted by (namespace, name), input order among equals: the positions are sorted
        // once (on key arrays of their own, so comparisons copy two strings, not two pods) and both lists are
        // built in that order, each value made once where it belongs.
        let namespaces = expansion.pods.map(\.namespace)
        let names = expansion.pods.map(\.name)
        let byName = expansion.pods.indices.sorted { lhs, rhs in
            if namespaces[lhs] != namespaces[rhs] { return namespaces[lhs] < namespaces[rhs] }
            if names[lhs] != names[rhs] { return names[lhs] < names[rhs] }
            return lhs < rhs
        }
        // The two lists are built side by side, one on another thread (each reads the pods in place).
        let (addresses, results) = (podIPs, outcomes)
        let (podStates, placements) = SideBySide.run({
            Self.podStates(expansion, byName, results, addresses, inventory)
        }) {
            Self.placements(expansion, byName, results, addresses, inventory)
        }

        var plan = PlacementPlan()
        plan.pods = placements
        plan.referenceTime = options.referenceTime
        plan.cronJobs = expansion.cronJobs.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        var podsByNode: [String: [String]] = [:]
        for index in placements.indices {
            if let node = placements[index].node { podsByNode[node, default: []].append(placements[index].key) }
        }
        for (index, node) in inventory.schedulerNodes.enumerated() {
            let keys = podsByNode[node.name] ?? []
            plan.nodes.append(
                PlacementPlan.Node(
                    name: node.name, pods: keys, requested: scheduler.snapshot.usage[index].requested,
                    allocatable: node.allocatable, allowedPods: node.allowedPods))
        }

        // Sixty thousand pods' specs and the scheduler's tables are freed on another thread, off the plan's path.
        SideBySide.release((consume expansion, consume scheduler))
        return Placement(plan: plan, pods: podStates, diagnostics: diagnostics, explanation: explanation)
    }

    typealias Outcome = (node: Int?, message: String?, ties: Int)

    /// The pods' states for the emitters, in `order`.
    static func podStates(
        _ expansion: ExpansionResult, _ order: [Int], _ outcomes: [Outcome], _ podIPs: [[IPAddress]],
        _ inventory: Inventory
    ) -> [PodState] {
        var states: [PodState] = []
        states.reserveCapacity(order.count)
        expansion.pods.withUnsafeBufferPointer { pods in
            for index in order {
                let nodeName = outcomes[index].node.map { inventory.nodes[$0].name }
                states.append(
                    PodState(
                        namespace: pods[index].namespace, name: pods[index].name, owner: pods[index].owner,
                        nodeName: nodeName, ips: podIPs[index], hostNetwork: pods[index].hostNetwork,
                        labels: pods[index].spec.labels, hostname: pods[index].hostname,
                        subdomain: pods[index].subdomain, ports: pods[index].ports, ready: nodeName != nil,
                        source: pods[index].source))
            }
        }
        return states
    }

    /// The plan's pods, in `order`.
    static func placements(
        _ expansion: ExpansionResult, _ order: [Int], _ outcomes: [Outcome], _ podIPs: [[IPAddress]],
        _ inventory: Inventory
    ) -> [PlacementPlan.Pod] {
        var placements: [PlacementPlan.Pod] = []
        placements.reserveCapacity(order.count)
        expansion.pods.withUnsafeBufferPointer { pods in
            for index in order {
                let outcome = outcomes[index]
                let nodeName = outcome.node.map { inventory.nodes[$0].name }
                let hostIP = outcome.node.flatMap { inventory.nodes[$0].addresses.first }
                placements.append(
                    PlacementPlan.Pod(
                        namespace: pods[index].namespace, name: pods[index].name, owner: pods[index].owner,
                        node: nodeName, ip: pods[index].hostNetwork ? hostIP : podIPs[index].first, ips: podIPs[index],
                        message: outcome.message, priority: pods[index].spec.priority,
                        requests: pods[index].spec.requests, preBound: pods[index].boundNode?.isEmpty == false,
                        tiedNodes: outcome.ties, object: pods[index].object, source: pods[index].source))
            }
        }
        return placements
    }

    /// Labels of every namespace (Namespace objects, plus `kubernetes.io/metadata.name`, which the API server
    /// sets), for affinity `namespaceSelector`s.
    static func namespaceLabels(_ set: ManifestSet, _ expansion: ExpansionResult) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        // By index: iterating would copy every pod.
        for index in expansion.pods.indices where result[expansion.pods[index].namespace] == nil {
            let namespace = expansion.pods[index].namespace
            result[namespace] = ["kubernetes.io/metadata.name": namespace]
        }
        for namespace in set.namespaces {
            var labels = namespace.metadata.labels
            labels["kubernetes.io/metadata.name"] = namespace.metadata.name
            result[namespace.metadata.name] = labels
        }
        return result
    }

    /// The workload whose pods are identical to this one but for the name (the replicas of a Deployment,
    /// ReplicaSet or ReplicationController), or nil.
    static func interchangeableReplicaOwner(_ pod: PlannedPod) -> ObjectIdentity? {
        switch pod.owner?.kind {
        case "Deployment", "ReplicaSet", "ReplicationController": break
        default: return nil
        }
        return pod.object
    }
}
