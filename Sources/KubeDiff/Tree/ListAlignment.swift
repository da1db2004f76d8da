import KubeYAML

/// Aligns two lists without a merge key on their longest common subsequence of equal items.
///
/// Inserting one argument or one RBAC rule then reads as one addition instead of a change to every later
/// position. Within each gap between common items, removals and additions are paired up in order as
/// modifications (`--v=2` → `--v=3`, a rule whose verbs changed), compared field by field by the caller;
/// the rest stay removals or additions. Items are equal as `NodeEquality` says.
enum ListAlignment {
    /// Lists of scalars larger than this (old count × new count) compare by position: the table is quadratic.
    static let maxScalarCells = 250_000
    /// The same bound for lists of mappings or lists, whose items cost a deep comparison each.
    static let maxCollectionCells = 4_096

    enum Step: Equatable {
        case same
        case removed(Int)
        case added(Int)
        case modified(old: Int, new: Int)
    }

    /// Whether two lists are small enough to align; larger ones compare by position.
    static func fits(_ old: YAMLNode, _ new: YAMLNode) -> Bool {
        let cells = old.count * new.count
        if cells <= maxCollectionCells { return true }
        return cells <= maxScalarCells && old.items.allSatisfy(\.isScalar) && new.items.allSatisfy(\.isScalar)
    }

    static func align(_ old: YAMLNode, _ new: YAMLNode) -> [Step] {
        let oldItems = old.items
        let newItems = new.items
        let rows = oldItems.count
        let columns = newItems.count
        let width = columns + 1
        // equal[i * columns + j]: old[i] equals new[j]; lengths[i][j]: LCS length of old[i...] and new[j...].
        var equal = [Bool](repeating: false, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { equal[i * columns + j] = NodeEquality.equal(oldItems[i], newItems[j]) }
        }
        var lengths = [Int32](repeating: 0, count: (rows + 1) * width)
        if rows > 0, columns > 0 {
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    lengths[i * width + j] =
                        equal[i * columns + j]
                        ? lengths[(i + 1) * width + j + 1] + 1
                        : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
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
            if i < rows, j < columns, equal[i * columns + j],
                lengths[i * width + j] == lengths[(i + 1) * width + j + 1] + 1
            {
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

/// Deep equality of two subtrees as the API server would see them: scalars by resolved value, mappings by
/// key whatever the order (a null value counts as absent), lists by position.
enum NodeEquality {
    static func equal(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.scalar, .scalar):
            if case .equal = ScalarComparison.compare(lhs, rhs) { return true }
            return false
        case (.sequence, .sequence):
            guard lhs.count == rhs.count else { return false }
            for index in 0..<lhs.count where !equal(lhs.items[index], rhs.items[index]) { return false }
            return true
        case (.mapping, .mapping):
            return covers(lhs, rhs) && covers(rhs, lhs)
        default:
            return false
        }
    }

    /// Every non-null field of `lhs` is in `rhs` with an equal value.
    private static func covers(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        for (key, value) in lhs.pairs where !value.isNull {
            guard let name = key.text, let other = rhs[name], equal(value, other) else { return false }
        }
        return true
    }
}
