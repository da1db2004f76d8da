/// Sorting tens of thousands of findings in report order without comparing them as whole values.
///
/// `sort(by: Diagnostic.reportOrder)` compares two `Diagnostic`s per step: each comparison copies their ranges
/// (retaining the file names) and compares file names as strings. Here each finding gets a key of integers once
/// (its file's rank among the sorted file names, then its start and end), the keys are sorted, and strings are
/// compared only between findings at the very same place; then the findings are swapped into place (moved,
/// never copied). The order is exactly that of a stable sort by `reportOrder`: equal keys fall back to the rule,
/// message and path, then to the original position.
extension Array where Element == Diagnostic {
    /// Sorts in `Diagnostic.reportOrder`, keeping findings that compare equal in their current order.
    package mutating func sortForReport() {
        guard count > 1 else { return }
        let keys = reportSortKeys()
        let ordered: [ReportSortKey] = withUnsafeBufferPointer { findings in
            keys.sorted { lhs, rhs in
                if lhs.file != rhs.file { return lhs.file < rhs.file }
                if lhs.start != rhs.start { return lhs.start < rhs.start }
                if lhs.end != rhs.end { return lhs.end < rhs.end }
                let left = Int(lhs.index), right = Int(rhs.index)
                if findings[left].rule != findings[right].rule { return findings[left].rule < findings[right].rule }
                if findings[left].message != findings[right].message {
                    return findings[left].message < findings[right].message
                }
                let leftPath = findings[left].path ?? "", rightPath = findings[right].path ?? ""
                if leftPath != rightPath { return leftPath < rightPath }
                return lhs.index < rhs.index
            }
        }
        // Position `i` takes the finding now at `source[i]`: applied cycle by cycle with swaps, in the buffer
        // (`Array.swapAt` would copy both findings through a temporary; the buffer's swaps move them).
        var source = ordered.map { Int($0.index) }
        withUnsafeMutableBufferPointer { findings in
            for start in source.indices where source[start] != start {
                var position = start
                while source[position] != start {
                    let next = source[position]
                    findings.swapAt(position, next)
                    source[position] = position
                    position = next
                }
                source[position] = position
            }
        }
    }

    /// Each finding's key. Files are ranked through a dictionary, but consecutive findings of one file (most of
    /// them) reuse the previous rank: comparing a file name with the one before is one pointer test when both
    /// are the same string.
    private func reportSortKeys() -> [ReportSortKey] {
        var ranks: [String: Int32] = [:]
        var previous: String? = nil
        for index in indices {
            guard let file = self[index].range?.file, file != previous else { continue }
            ranks[file] = 0
            previous = file
        }
        for (rank, file) in ranks.keys.sorted().enumerated() { ranks[file] = Int32(rank) }
        var keys: [ReportSortKey] = []
        keys.reserveCapacity(count)
        var last: (file: String, rank: Int32)? = nil
        for index in indices {
            guard let range = self[index].range else {
                keys.append(ReportSortKey(file: -1, start: .zero, end: .zero, index: Int32(index)))
                continue
            }
            let rank: Int32
            if let last, last.file == range.file {
                rank = last.rank
            } else {
                rank = ranks[range.file] ?? 0
                last = (range.file, rank)
            }
            keys.append(ReportSortKey(file: rank, start: range.span.start, end: range.span.end, index: Int32(index)))
        }
        return keys
    }
}

/// A finding's place as integers: its file's rank (-1 without a range), start, end, and position in the input.
private struct ReportSortKey {
    var file: Int32
    var start: SourceLocation
    var end: SourceLocation
    var index: Int32
}

extension SourceLocation {
    fileprivate static let zero = SourceLocation(line: 0, column: 0)
}
