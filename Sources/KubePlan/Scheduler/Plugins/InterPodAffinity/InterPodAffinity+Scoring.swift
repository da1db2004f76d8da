import KubeModel

/// Scoring (`scoring.go`): per topology domain, + weight for each existing pod matched by an incoming
/// preferred affinity term, − weight for anti-affinity; + 1 (hardPodAffinityWeight) for each existing pod
/// whose required affinity matches the incoming pod, ± weight for existing pods' preferred terms matching
/// it. A node scores the sum over the domains it is in; normalised min–max to 0…100. Skips when nothing
/// applies. Weight 2.
extension InterPodAffinity {
    package func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
                          _ snapshot: inout ClusterSnapshot) -> Status {
        var score = InterPodAffinityScoreState()
        var touched = false
        func addIncoming(_ terms: [AffinityTerm], sign: Int64) {
            for term in terms {
                let key = snapshot.topology.keyID(term.topologyKey)
                let namespaces = snapshot.namespaces(of: term, ownerNamespace: pod.namespace)
                for index in snapshot.pods(matching: term.selector, in: namespaces) {
                    let value = snapshot.topology.value(key, node: Int(snapshot.pods[Int(index)].node))
                    guard value >= 0 else { continue }
                    score.topologyScore[key, default: [:]][value, default: 0] += sign * Int64(term.weight)
                    touched = true
                }
            }
        }
        addIncoming(pod.preferredAffinity, sign: 1)
        addIncoming(pod.preferredAntiAffinity, sign: -1)
        for index in snapshot.existingTerms.matching(labels: pod.labels, namespace: pod.namespace) {
            let entry = snapshot.existingTerms.entries[index]
            let weight: Int64
            switch entry.signature.kind {
            case .requiredAntiAffinity: continue
            case .requiredAffinity: weight = Self.hardPodAffinityWeight
            case .preferredAffinity: weight = Int64(entry.signature.weight)
            case .preferredAntiAffinity: weight = -Int64(entry.signature.weight)
            }
            for (value, count) in entry.domainCounts {
                score.topologyScore[entry.signature.key, default: [:]][value, default: 0] += weight * Int64(count)
                touched = true
            }
        }
        if !touched { return .skip }
        score.keys = score.topologyScore.keys.sorted()
        state.interPodScore = score
        return .success
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        guard let score = state.interPodScore else { return 0 }
        var total: Int64 = 0
        for key in score.keys {
            let value = snapshot.topology.value(key, node: node)
            if value >= 0 { total += score.topologyScore[key]?[value] ?? 0 }
        }
        return total
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        guard let minimum = scores.min(), let maximum = scores.max() else { return }
        let difference = maximum - minimum
        for index in scores.indices {
            scores[index] = difference > 0
                ? Int64(Double(maxNodeScore) * (Double(scores[index] - minimum) / Double(difference))) : 0
        }
    }
}

/// PreScore's accumulated pair scores.
package struct InterPodAffinityScoreState: Sendable {
    package var topologyScore: [Int: [Int32: Int64]] = [:]
    package var keys: [Int] = []
}
