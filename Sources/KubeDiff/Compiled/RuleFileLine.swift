/// A meaningful line of a per-node rule file, as the line-wise comparisons (`RuleLines`, `NFTablesLines`) read it.
protocol RuleFileLine: Hashable {
    /// The line as the report shows it.
    var rendered: String { get }
    /// The chain or set the line declares, as the report names it; nil for any other line.
    var declaredChain: String? { get }
}

extension RuleFileChange {
    /// The lines each side has and the other has not (each reported once, in file order), nil when there are none.
    ///
    /// Order is not compared: kube-proxy rewrites a whole table on each sync, so two sides with the same lines
    /// program the same table.
    static func between<Line: RuleFileLine>(
        _ before: [Line], _ after: [Line], node: String, file: String, keepLines: Bool
    ) -> RuleFileChange? {
        let oldSet = Set(before)
        let newSet = Set(after)
        var change = RuleFileChange(
            node: node, file: file, addedCount: 0, removedCount: 0, added: [], removed: [], chainsAdded: [],
            chainsRemoved: [])
        var seen: Set<Line> = []
        for line in after where !oldSet.contains(line) && seen.insert(line).inserted {
            change.addedCount += 1
            if keepLines { change.added.append(line.rendered) }
            if let chain = line.declaredChain { change.chainsAdded.append(chain) }
        }
        seen = []
        for line in before where !newSet.contains(line) && seen.insert(line).inserted {
            change.removedCount += 1
            if keepLines { change.removed.append(line.rendered) }
            if let chain = line.declaredChain { change.chainsRemoved.append(chain) }
        }
        return change.addedCount == 0 && change.removedCount == 0 ? nil : change
    }
}
