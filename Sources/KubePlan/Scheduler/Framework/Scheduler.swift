/// One scheduling cycle at a time, as `schedule_one.go` runs it: PreFilter, Filter from a rotating start
/// index until enough feasible nodes are found, then PreScore, Score, NormalizeScore, weighted sum, and a
/// seeded choice among the top scores. The chosen node is assumed at once, so the next pod sees it.
package struct Scheduler: Sendable {
    package let profile: SchedulerProfile
    package private(set) var snapshot: ClusterSnapshot
    private var random: SeededGenerator
    private var nextStartNodeIndex = 0
    private var resourceScores: ResourceScoreCache
    /// How many nodes the last `schedule` call visited (0 when a PreFilter refused the pod).
    package private(set) var lastProcessed = 0

    /// Advances the scheduler as a failed `schedule` of an identical pod would: nothing is assumed, only the
    /// next start node moves by the nodes that attempt visited. See `Planner`'s replica shortcut.
    package mutating func replayFailure(processed: Int) {
        let nodeCount = snapshot.nodes.count
        if nodeCount > 0 { nextStartNodeIndex = (nextStartNodeIndex + processed) % nodeCount }
        lastProcessed = processed
    }

    package init(snapshot: ClusterSnapshot, profile: SchedulerProfile = .default(), seed: UInt64 = 0) {
        self.snapshot = snapshot
        self.profile = profile
        random = SeededGenerator(seed: seed)
        resourceScores = ResourceScoreCache(nodeCount: snapshot.nodes.count)
    }

    /// The result of one cycle.
    package struct Outcome: Sendable {
        /// The chosen node index; nil when the pod is unschedulable.
        package var node: Int?
        /// kube-scheduler's FailedScheduling message when `node` is nil.
        package var message: String?
        /// How many nodes shared the winning score.
        package var tiedNodes: Int = 0
    }

    /// Counts a pod that bypasses the scheduler (`spec.nodeName` set) on its node.
    package mutating func bind(_ pod: SchedulingSpec, to node: Int) {
        snapshot.assume(pod, on: node)
        resourceScores.invalidate(node)
    }

    /// `numFeasibleNodesToFind` with the adaptive percentage (`percentageOfNodesToScore: 0`).
    package static func feasibleNodesToFind(_ nodeCount: Int) -> Int {
        if nodeCount < 100 { return nodeCount }
        let percentage = max(5, 50 - nodeCount / 125)
        return max(nodeCount * percentage / 100, 100)
    }

    /// Schedules one pod and assumes it on the chosen node. With `explain`, also returns every node's filter
    /// verdicts and score breakdown.
    package mutating func schedule(_ pod: SchedulingSpec, explain: Bool = false) -> (Outcome, Explanation?) {
        let nodeCount = snapshot.nodes.count
        var state = CycleState()
        var allowed: Set<Int>?
        var narrowing: [String] = []
        for plugin in profile.preFilters {
            let result = plugin.preFilter(pod, &state, &snapshot)
            switch result.status.code {
            case .skip:
                state.skippedFilters.insert(plugin)
            case .success:
                if let nodes = result.nodes {
                    allowed = allowed.map { $0.intersection(nodes) } ?? nodes
                    narrowing.append(plugin.name)
                }
            case .unschedulable, .unschedulableAndUnresolvable:
                let all = Array(repeating: Status(.unschedulableAndUnresolvable), count: nodeCount)
                let message = FitError.message(
                    nodeCount: nodeCount, statuses: [], preFilterMessage: result.status.reasons.joined(separator: ", "),
                    postFilterMessage: preemption(pod, all))
                lastProcessed = 0
                return (Outcome(node: nil, message: message), explain ? Explanation(message: message) : nil)
            }
        }
        // Filters that pass every node for this pod are left out of the per-node loop (same verdicts).
        let filters = profile.filters.filter {
            !state.skippedFilters.contains($0) && !$0.passesEveryNode(pod, snapshot)
        }
        let candidates = allowed.map { $0.sorted() }
        let candidateCount = candidates?.count ?? nodeCount
        let toFind = Self.feasibleNodesToFind(candidateCount)
        var feasible: [Int] = []
        feasible.reserveCapacity(min(toFind, candidateCount))
        var failures: [(node: Int, status: Status)] = []
        var processed = 0
        if candidateCount > 0 {
            let view = snapshot
            let start = nextStartNodeIndex % candidateCount
            for offset in 0..<candidateCount {
                let position = (start + offset) % candidateCount
                let node = candidates?[position] ?? position
                processed += 1
                if let status = Self.runFilters(filters, pod, state, node, view) {
                    failures.append((node, status))
                } else {
                    feasible.append(node)
                    if feasible.count >= toFind { break }
                }
            }
        }
        if nodeCount > 0 { nextStartNodeIndex = (nextStartNodeIndex + processed) % nodeCount }
        lastProcessed = processed
        var explanation =
            explain
            ? Explanation.filters(
                pod, state, filters: profile.filters, snapshot, allowed: allowed,
                absent: narrowing, visited: processed) : nil
        if feasible.isEmpty {
            var statuses = Array(repeating: Status.success, count: nodeCount)
            for failure in failures { statuses[failure.node] = failure.status }
            if let allowed {
                let absent = Status(
                    .unschedulableAndUnresolvable, [Reason.absentNodes(narrowing)], plugin: narrowing.first)
                for node in 0..<nodeCount where !allowed.contains(node) { statuses[node] = absent }
            }
            let message = FitError.message(
                nodeCount: nodeCount, statuses: statuses,
                postFilterMessage: preemption(pod, statuses))
            explanation?.message = message
            return (Outcome(node: nil, message: message), explanation)
        }
        var chosen = feasible[0]
        var ties = 1
        if feasible.count > 1 {
            let totals = score(pod, &state, feasible, &explanation)
            (chosen, ties) = selectHost(feasible, totals)
        }
        explanation?.chosen = snapshot.nodes[chosen].name
        snapshot.assume(pod, on: chosen)
        resourceScores.invalidate(chosen)
        return (Outcome(node: chosen, message: nil, tiedNodes: ties), explanation)
    }

    @inline(__always)
    static func runFilters(
        _ filters: [RegisteredPlugin], _ pod: SchedulingSpec, _ state: CycleState, _ node: Int,
        _ snapshot: ClusterSnapshot
    ) -> Status? {
        for filter in filters {
            if let status = filter.filter(pod, state, node: node, snapshot) { return status }
        }
        return nil
    }

    private mutating func score(
        _ pod: SchedulingSpec, _ state: inout CycleState, _ feasible: [Int],
        _ explanation: inout Explanation?
    ) -> [Int64] {
        var totals = [Int64](repeating: 0, count: feasible.count)
        var active: [WeightedScorePlugin] = []
        for weighted in profile.scores {
            // Without an explanation to fill, a plugin scoring every node alike only shifts every total.
            if explanation == nil, weighted.plugin.scoresEveryNodeAlike(pod, snapshot) { continue }
            if weighted.plugin.preScore(pod, &state, feasible: feasible, &snapshot).code == .skip {
                state.skippedScores.insert(weighted.plugin)
            } else {
                active.append(weighted)
            }
        }
        var scores = [Int64](repeating: 0, count: feasible.count)
        let view = snapshot
        if explanation == nil {
            // The two resource scores (never normalised) come from the per-node cache; the rest as below.
            var key = ResourceScoreCache.Key(
                nonZeroCPU: pod.nonZeroRequests.milliCPU, nonZeroMemory: pod.nonZeroRequests.memory,
                cpu: pod.requests.milliCPU, memory: pod.requests.memory, fitWeight: 0, balancedWeight: 0)
            var others: [WeightedScorePlugin] = []
            for weighted in active {
                switch weighted.plugin {
                case .nodeResourcesFit: key.fitWeight += weighted.weight
                case .balancedAllocation: key.balancedWeight += weighted.weight
                default: others.append(weighted)
                }
            }
            if key.fitWeight != 0 || key.balancedWeight != 0 {
                resourceScores.add(key, feasible: feasible, table: view.table, into: &totals)
            }
            active = []
            for weighted in others {
                if case .podTopologySpread(let plugin) = weighted.plugin {
                    plugin.addWeightedScores(
                        state, feasible: feasible, view, weight: weighted.weight, into: &totals, raw: &scores)
                } else {
                    active.append(weighted)
                }
            }
        }
        for weighted in active {
            weighted.plugin.score(pod, state, feasible: feasible, view, into: &scores)
            let raw = explanation == nil ? [] : scores
            weighted.plugin.normalize(&scores, state, feasible: feasible)
            for position in feasible.indices { totals[position] += scores[position] * weighted.weight }
            explanation?.addScores(weighted, feasible: feasible, raw: raw, normalized: scores)
        }
        explanation?.skippedScores = profile.scores.filter { state.skippedScores.contains($0.plugin) }.map(\.plugin.name)
        explanation?.setTotals(feasible: feasible, totals: totals)
        return totals
    }

    /// Reservoir sampling among the top scores (kube ≤ 1.34 `selectHost`), driven by the seeded generator.
    private mutating func selectHost(_ feasible: [Int], _ totals: [Int64]) -> (Int, Int) {
        var best = Int64.min
        var selected = feasible[0]
        var count = 0
        for (position, node) in feasible.enumerated() {
            if totals[position] > best {
                best = totals[position]
                selected = node
                count = 1
            } else if totals[position] == best {
                count += 1
                if random.next() % UInt64(count) == 0 { selected = node }
            }
        }
        return (selected, count)
    }

    private func preemption(_ pod: SchedulingSpec, _ statuses: [Status]) -> String {
        let lower = snapshot.usage.map { usage in usage.pods.contains { snapshot.pods[Int($0)].priority < pod.priority }
        }
        return FitError.preemptionMessage(
            nodeCount: snapshot.nodes.count, statuses: statuses,
            lowerPriorityPods: lower, neverPreempts: pod.neverPreempts)
    }
}
