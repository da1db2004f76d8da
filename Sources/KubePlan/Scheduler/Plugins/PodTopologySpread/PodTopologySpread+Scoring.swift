import Foundation
import KubeModel

/// Scoring (`scoring.go`): `raw = round(Σ count(domain)·ln(#domains + 2) + maxSkew − 1)` over the soft
/// constraints whose key the node has (hostname counts the node's own pods); normalised as
/// `100·(max + min − raw)/max` over the nodes not ignored (all 100 when max is 0). With explicit
/// constraints, nodes missing a key are ignored and score 0.
extension PodTopologySpread {
    package func preScore(
        _ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
        _ snapshot: inout ClusterSnapshot
    ) -> Status {
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
        let candidates = feasible.count - ignored.count
        var matching: [Int32] = []
        for (position, constraint) in soft.enumerated() {
            let key = keys[position]
            let isHostname = constraint.topologyKey == Self.hostnameKey
            var size = candidates
            var present: [Bool] = []
            // Constraints with the same selector (the two system defaults) count the same pods.
            if position == 0 || constraint.selector != soft[position - 1].selector {
                matching = snapshot.pods(matching: constraint.selector, in: .one(pod.namespace))
            }
            // With no matching pod every count is 0 and the domain weight multiplies nothing: skip the count.
            if !isHostname, !matching.isEmpty {
                let valueCount = snapshot.topology.valueCounts[key]
                present = [Bool](repeating: false, count: valueCount)
                size = 0
                let column = snapshot.topology.values[key]
                for node in feasible where ignored.isEmpty || !ignored.contains(node) {
                    let value = column[node]
                    if value >= 0, !present[Int(value)] {
                        present[Int(value)] = true
                        size += 1
                        // Every domain is present: the rest of the nodes can add none.
                        if size == valueCount { break }
                    }
                }
            }
            var counts = SparseCounts()
            for index in matching {
                let node = Int(snapshot.pods[Int(index)].node)
                if isHostname {
                    counts.add(Int32(node), 1)
                    continue
                }
                if requireAllTopologies, !Self.hasAllKeys(keys, node, snapshot) { continue }
                guard Self.passesInclusion(constraint, pod, node, snapshot) else { continue }
                let value = snapshot.topology.value(key, node: node)
                if value >= 0, present[Int(value)] { counts.add(value, 1) }
            }
            constraints.append(
                .init(
                    key: key, isHostname: isHostname, maxSkew: constraint.maxSkew,
                    weight: log(Double(size + 2)), counts: counts))
        }
        state.spreadScore = PodTopologySpreadScoreState(constraints: constraints, ignored: ignored)
        return .success
    }

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        guard let spread = state.spreadScore else { return }
        let totals = Self.sums(spread, feasible: feasible, snapshot)
        for (position, node) in feasible.enumerated() {
            let ignored = !spread.ignored.isEmpty && spread.ignored.contains(node)
            // Totals are never negative, so adding ½ and truncating is Go's math.Round (half away from zero).
            scores[position] = ignored ? 0 : Int64(totals[position] + 0.5)
        }
    }

    /// `Σ count(domain)·weight + maxSkew − 1` per feasible node over the constraints whose key it has, added
    /// constraint by constraint (before rounding and normalising).
    static func sums(
        _ spread: PodTopologySpreadScoreState, feasible: [Int], _ snapshot: ClusterSnapshot
    ) -> [Double] {
        var totals = [Double](repeating: 0, count: feasible.count)
        for constraint in spread.constraints {
            let column = snapshot.topology.values[constraint.key]
            let counts = constraint.counts
            let bonus = Double(constraint.maxSkew - 1)
            if counts.isEmpty {
                // Every count is 0, and 0·weight + bonus is exactly bonus.
                for (position, node) in feasible.enumerated() where column[node] >= 0 { totals[position] += bonus }
                continue
            }
            for (position, node) in feasible.enumerated() {
                let value = column[node]
                guard value >= 0 else { continue }
                let count = counts.count(constraint.isHostname ? Int32(node) : value)
                totals[position] += Double(count) * constraint.weight + bonus
            }
        }
        return totals
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        let ignored = state.spreadScore?.ignored ?? []
        var minimum = Int64.max
        var maximum: Int64 = 0
        for (position, node) in feasible.enumerated() where ignored.isEmpty || !ignored.contains(node) {
            minimum = min(minimum, scores[position])
            maximum = max(maximum, scores[position])
        }
        for (position, node) in feasible.enumerated() {
            if !ignored.isEmpty, ignored.contains(node) {
                scores[position] = 0
            } else if maximum == 0 {
                scores[position] = maxNodeScore
            } else {
                scores[position] = maxNodeScore * (maximum + minimum - scores[position]) / maximum
            }
        }
    }

    /// `score`, `normalize` and the weighting in one pass per node, adding `weight × normalised score` to
    /// `totals` (the same arithmetic in the same order as the three steps, for cycles that keep no
    /// explanation). `raw` is scratch space of at least `feasible.count`.
    package func addWeightedScores(
        _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot, weight: Int64,
        into totals: inout [Int64], raw: inout [Int64]
    ) {
        guard let spread = state.spreadScore else { return }
        let ignored = spread.ignored
        let sums = Self.sums(spread, feasible: feasible, snapshot)
        // Rounded as `score` rounds them, with `normalize`'s minimum and maximum taken on the way.
        var minimum = Int64.max
        var maximum: Int64 = 0
        for (position, node) in feasible.enumerated() {
            if !ignored.isEmpty, ignored.contains(node) {
                raw[position] = 0
                continue
            }
            let score = Int64(sums[position] + 0.5)
            raw[position] = score
            minimum = min(minimum, score)
            maximum = max(maximum, score)
        }
        for (position, node) in feasible.enumerated() {
            let normalized: Int64
            if !ignored.isEmpty, ignored.contains(node) {
                normalized = 0
            } else if maximum == 0 {
                normalized = maxNodeScore
            } else {
                normalized = maxNodeScore * (maximum + minimum - raw[position]) / maximum
            }
            totals[position] += normalized * weight
        }
    }
}

/// PreScore's per-constraint counts and weights.
package struct PodTopologySpreadScoreState: Sendable {
    package struct Constraint: Sendable {
        package var key: Int
        package var isHostname: Bool
        package var maxSkew: Int
        /// `ln(#domains + 2)`; not computed (and never read) when `counts` is empty.
        package var weight: Double
        /// Matching pods per domain value id; per node index for hostname constraints.
        package var counts: SparseCounts
    }

    package var constraints: [Constraint]
    package var ignored: Set<Int>
}
