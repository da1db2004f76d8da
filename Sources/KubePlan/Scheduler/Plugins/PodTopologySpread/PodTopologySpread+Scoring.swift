import Foundation
import KubeModel

/// Scoring (`scoring.go`): `raw = round(Σ count(domain)·ln(#domains + 2) + maxSkew − 1)` over the soft
/// constraints whose key the node has (hostname counts the node's own pods); normalised as
/// `100·(max + min − raw)/max` over the nodes not ignored (all 100 when max is 0). With explicit
/// constraints, nodes missing a key are ignored and score 0.
extension PodTopologySpread {
    package func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
                          _ snapshot: inout ClusterSnapshot) -> Status {
        var soft = pod.spreadConstraints.filter { !$0.isHard }
        let requireAllTopologies = !pod.spreadConstraints.isEmpty
        if pod.spreadConstraints.isEmpty {
            guard let selector = pod.defaultSpreadSelector, !selector.isEmpty else { return .skip }
            soft = [
                SpreadConstraint(maxSkew: 3, topologyKey: Self.hostnameKey, isHard: false, selector: selector),
                SpreadConstraint(maxSkew: 5, topologyKey: Self.zoneKey, isHard: false, selector: selector),
            ]
        }
        if soft.isEmpty { return .skip }
        let keys = soft.map { snapshot.topology.keyID($0.topologyKey) }
        var ignored: Set<Int> = []
        if requireAllTopologies {
            for node in feasible where !Self.hasAllKeys(keys, node, snapshot) { ignored.insert(node) }
        }
        var constraints: [PodTopologySpreadScoreState.Constraint] = []
        for (position, constraint) in soft.enumerated() {
            let key = keys[position]
            let isHostname = constraint.topologyKey == Self.hostnameKey
            var domains: Set<Int32> = []
            var candidates = 0
            for node in feasible where !ignored.contains(node) {
                candidates += 1
                let value = snapshot.topology.value(key, node: node)
                if value >= 0 { domains.insert(value) }
            }
            let size = isHostname ? candidates : domains.count
            var counts: [Int32: Int] = [:]
            var nodeCounts: [Int: Int] = [:]
            for index in snapshot.pods(matching: constraint.selector, in: .some([pod.namespace])) {
                let node = Int(snapshot.pods[Int(index)].node)
                if isHostname {
                    nodeCounts[node, default: 0] += 1
                    continue
                }
                if requireAllTopologies, !Self.hasAllKeys(keys, node, snapshot) { continue }
                guard Self.passesInclusion(constraint, pod, node, snapshot) else { continue }
                let value = snapshot.topology.value(key, node: node)
                if value >= 0, domains.contains(value) { counts[value, default: 0] += 1 }
            }
            constraints.append(.init(key: key, isHostname: isHostname, maxSkew: constraint.maxSkew,
                                     weight: log(Double(size + 2)), counts: counts, nodeCounts: nodeCounts))
        }
        state.spreadScore = PodTopologySpreadScoreState(constraints: constraints, ignored: ignored)
        return .success
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        guard let spread = state.spreadScore, !spread.ignored.contains(node) else { return 0 }
        var total = 0.0
        for constraint in spread.constraints {
            let value = snapshot.topology.value(constraint.key, node: node)
            guard value >= 0 else { continue }
            let count = constraint.isHostname ? constraint.nodeCounts[node] ?? 0 : constraint.counts[value] ?? 0
            total += Double(count) * constraint.weight + Double(constraint.maxSkew - 1)
        }
        return Int64(total.rounded())
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        let ignored = state.spreadScore?.ignored ?? []
        var minimum = Int64.max
        var maximum: Int64 = 0
        for (position, node) in feasible.enumerated() where !ignored.contains(node) {
            minimum = min(minimum, scores[position])
            maximum = max(maximum, scores[position])
        }
        for (position, node) in feasible.enumerated() {
            if ignored.contains(node) {
                scores[position] = 0
            } else if maximum == 0 {
                scores[position] = maxNodeScore
            } else {
                scores[position] = maxNodeScore * (maximum + minimum - scores[position]) / maximum
            }
        }
    }
}

/// PreScore's per-constraint counts and weights.
package struct PodTopologySpreadScoreState: Sendable {
    package struct Constraint: Sendable {
        package var key: Int
        package var isHostname: Bool
        package var maxSkew: Int
        /// `ln(#domains + 2)`.
        package var weight: Double
        package var counts: [Int32: Int]
        /// Hostname constraints: matching pods per node.
        package var nodeCounts: [Int: Int]
    }

    package var constraints: [Constraint]
    package var ignored: Set<Int>
}
