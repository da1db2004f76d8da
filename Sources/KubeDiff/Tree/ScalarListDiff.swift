import KubeYAML

/// Aligns two lists of scalars on their longest common subsequence.
///
/// Within each gap between common items, removals and additions are paired up in order as modifications
/// (`--v=2` → `--v=3` reads as one change), and the rest stay removals or additions.
enum ScalarListDiff {
    /// Lists larger than this (old count × new count) compare by position instead: the table is quadratic.
    static let maxCells = 250_000

    enum Step: Equatable {
        case same
        case removed(Int)
        case added(Int)
        case modified(old: Int, new: Int)
    }

    static func align(_ old: YAMLNode, _ new: YAMLNode) -> [Step] {
        let oldItems = old.items
        let newItems = new.items
        let rows = oldItems.count
        let columns = newItems.count
        // lengths[i][j]: LCS length of old[i...] and new[j...], flattened.
        var lengths = [Int32](repeating: 0, count: (rows + 1) * (columns + 1))
        let width = columns + 1
        if rows > 0, columns > 0 {
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    if case .equal = ScalarComparison.compare(oldItems[i], newItems[j]) {
                        lengths[i * width + j] = lengths[(i + 1) * width + j + 1] + 1
                    } else {
                        lengths[i * width + j] = max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
                    }
                }
            }
        }
        var steps: [Step] = []
        var removed: [Int] = []
        var added: [Int] = []
        func flushGap() {
            let paired = min(removed.count, added.count)
            for index in 0..<paired { steps.append(.modified(old: removed[index], new: added[index])) }
            for index in removed.dropFirst(paired) { steps.append(.removed(index)) }
            for index in added.dropFirst(paired) { steps.append(.added(index)) }
            removed.removeAll()
            added.removeAll()
        }
        var i = 0
        var j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, case .equal = ScalarComparison.compare(oldItems[i], newItems[j]) {
                flushGap()
                steps.append(.same)
                i += 1
                j += 1
            } else if j >= columns || (i < rows && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(i)
                i += 1
            } else {
                added.append(j)
                j += 1
            }
        }
        flushGap()
        return steps
    }
}
