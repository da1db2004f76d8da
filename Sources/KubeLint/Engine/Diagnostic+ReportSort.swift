import KubeYAML

extension Array where Element == Diagnostic {
    /// Sorts into `Diagnostic.reportOrder`, with the same result as `sort(by: Diagnostic.reportOrder)` (a stable
    /// sort: equal findings keep their order).
    ///
    /// A lint of 40,000 objects has some 145,000 findings, arriving rule by rule. A merge sort of the values copies
    /// each of them (a dozen strings retained and released per copy) a dozen times; here a permutation of
    /// positions is sorted instead, comparing packed keys (file rank, start, end) and the findings themselves only
    /// on a tie, and the findings are then moved into their places along the permutation's cycles (no copy). An
    /// input already in order is left as it is after one pass of comparisons.
    package mutating func sortForReport() {
        guard count > 1 else { return }
        let keys = ReportSortKey.keys(of: self)
        let isSorted = withUnsafeBufferPointer { findings in
            (1..<findings.count).allSatisfy { !ReportSortKey.precedes($0, $0 - 1, keys, findings) }
        }
        if isSorted { return }
        var order = Array<Int32>(0..<Int32(count))
        withUnsafeBufferPointer { findings in
            order.sort { ReportSortKey.precedes(Int($0), Int($1), keys, findings) }
        }
        withUnsafeMutableBufferPointer { findings in Self.permute(findings, by: order) }
    }

    /// Puts `findings[order[i]]` at `i` for every `i`, moving each finding once along the cycles of `order`.
    private static func permute(_ findings: UnsafeMutableBufferPointer<Diagnostic>, by order: [Int32]) {
        guard let base = findings.baseAddress else { return }
        var placed = [Bool](repeating: false, count: findings.count)
        for start in 0..<findings.count where !placed[start] {
            placed[start] = true
            if Int(order[start]) == start { continue }
            let held = (base + start).move()
            var slot = start
            while true {
                let source = Int(order[slot])
                if source == start {
                    (base + slot).initialize(to: held)
                    break
                }
                (base + slot).moveInitialize(from: base + source, count: 1)
                placed[source] = true
                slot = source
            }
        }
    }
}

/// Where a finding is, packed for comparing: the rank of its file among the files of the findings (sorted as
/// `SourceRange` sorts paths), then start and end line and column; findings without a range rank before any.
private struct ReportSortKey {
    var file: Int32
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32

    static func keys(of findings: [Diagnostic]) -> [ReportSortKey] {
        var ranks: [String: Int32] = [:]
        for finding in findings { if let file = finding.range?.file, ranks[file] == nil { ranks[file] = 0 } }
        for (rank, file) in ranks.keys.sorted().enumerated() { ranks[file] = Int32(rank) }
        var lastFile = ""
        var lastRank: Int32 = -1
        return findings.map { finding in
            guard let range = finding.range else {
                return ReportSortKey(file: -1, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0)
            }
            if lastRank < 0 || range.file != lastFile {
                lastFile = range.file
                lastRank = ranks[range.file] ?? 0
            }
            return ReportSortKey(
                file: lastRank, startLine: range.span.start.line, startColumn: range.span.start.column,
                endLine: range.span.end.line, endColumn: range.span.end.column)
        }
    }

    /// `Diagnostic.reportOrder(findings[lhs], findings[rhs])`, deciding by the keys when they differ.
    @inline(__always)
    static func precedes(
        _ lhs: Int, _ rhs: Int, _ keys: [ReportSortKey], _ findings: UnsafeBufferPointer<Diagnostic>
    ) -> Bool {
        let left = keys[lhs]
        let right = keys[rhs]
        if left.file != right.file { return left.file < right.file }
        if left.startLine != right.startLine { return left.startLine < right.startLine }
        if left.startColumn != right.startColumn { return left.startColumn < right.startColumn }
        if left.endLine != right.endLine { return left.endLine < right.endLine }
        if left.endColumn != right.endColumn { return left.endColumn < right.endColumn }
        return Diagnostic.reportOrder(findings[lhs], findings[rhs])
    }
}
