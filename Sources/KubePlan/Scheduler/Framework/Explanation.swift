/// `--explain`: every node's verdict from every filter, and every score plugin's raw, normalised and weighted
/// score — the node × plugin matrix simulator users ask for.
///
/// kube-scheduler stops at a node's first failing filter; the explanation runs them all and marks that first
/// failure (`decisive`), so one reading shows everything that would have to change.
package struct Explanation: Sendable {
    /// One filter's verdict on one node.
    package struct FilterVerdict: Sendable {
        package var plugin: String
        /// Nil when the plugin skipped this pod in PreFilter.
        package var status: Status?
        /// The first failure, the one kube-scheduler reports.
        package var decisive: Bool
    }

    /// One score plugin's result on one node.
    package struct ScoreEntry: Sendable {
        package var plugin: String
        package var raw: Int64
        package var normalized: Int64
        package var weight: Int64
        package var weighted: Int64 { normalized * weight }
    }

    /// Everything about one node.
    package struct NodeReport: Sendable {
        package var name: String
        package var filters: [FilterVerdict] = []
        /// Left out by a PreFilter result (`node(s) didn't satisfy plugin(s) [...]`).
        package var absent: String?
        package var scores: [ScoreEntry] = []
        package var total: Int64?
    }

    package var nodes: [NodeReport] = []
    package var skippedScores: [String] = []
    package var chosen: String?
    /// Every node that shared the best total (kube picks any of them; kubec's seeded choice is `chosen`).
    package var tied: [String] = []
    package var message: String?
    /// How many nodes the filter loop visited before it had enough feasible ones.
    package var visited = 0

    init(message: String? = nil) { self.message = message }

    static func filters(
        _ pod: SchedulingSpec, _ state: CycleState, filters: [RegisteredPlugin],
        _ snapshot: ClusterSnapshot, allowed: Set<Int>?, absent: [String], visited: Int
    ) -> Explanation {
        var explanation = Explanation()
        explanation.visited = visited
        for node in snapshot.nodes.indices {
            var report = NodeReport(name: snapshot.nodes[node].name)
            if let allowed, !allowed.contains(node) { report.absent = Reason.absentNodes(absent) }
            var failed = false
            for filter in filters {
                if state.skippedFilters.contains(filter) {
                    report.filters.append(FilterVerdict(plugin: filter.name, status: nil, decisive: false))
                    continue
                }
                let status = filter.filter(pod, state, node: node, snapshot) ?? .success
                report.filters.append(
                    FilterVerdict(
                        plugin: filter.name, status: status,
                        decisive: !status.isSuccess && !failed && report.absent == nil))
                if !status.isSuccess { failed = true }
            }
            explanation.nodes.append(report)
        }
        return explanation
    }

    mutating func addScores(_ plugin: WeightedScorePlugin, feasible: [Int], raw: [Int64], normalized: [Int64]) {
        for (position, node) in feasible.enumerated() {
            nodes[node].scores.append(
                ScoreEntry(
                    plugin: plugin.plugin.name, raw: raw[position],
                    normalized: normalized[position], weight: plugin.weight))
        }
    }

    mutating func setTotals(feasible: [Int], totals: [Int64]) {
        for (position, node) in feasible.enumerated() { nodes[node].total = totals[position] }
        let best = totals.max()
        tied = feasible.indices.filter { totals[$0] == best }.map { nodes[feasible[$0]].name }.sorted()
    }
}
