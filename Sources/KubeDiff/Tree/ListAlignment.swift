/// Aligns two lists without a merge key on a longest common subsequence of equal items.
///
/// Inserting one argument or one RBAC rule then reads as one addition instead of a change to every later
/// position. Within each gap between common items, removals and additions are paired up in order as
/// modifications (`--v=2` → `--v=3`, a rule whose verbs changed), compared field by field by the caller;
/// the rest stay removals or additions.
///
/// Items arrive as class numbers (`ItemClasses`: equal items share one), so the alignment never touches
/// the trees. The cost is bounded whatever the input: the common prefix and suffix are matched first;
/// a middle of at most `maxCells` (old × new) cells gets the exact quadratic table; a larger one is cut at
/// the items that occur exactly once on each side and in the same order (patience diff), and each piece
/// is aligned the same way; a piece still too large and without such anchors is paired by position.
enum ListAlignment {
    /// The largest middle (old count × new count) aligned by the exact table.
    static let maxCells = 1_000_000

    enum Step: Equatable {
        case same
        case removed(Int)
        case added(Int)
        case modified(old: Int, new: Int)
    }

    static func align(_ old: [Int], _ new: [Int]) -> [Step] {
        var matches: [(Int, Int)] = []
        match(old, new, old: 0..<old.count, new: 0..<new.count, into: &matches)
        return steps(matches, oldCount: old.count, newCount: new.count)
    }

    /// Appends the matched (old, new) positions within the two ranges, in increasing order.
    private static func match(
        _ old: [Int], _ new: [Int], old a: Range<Int>, new b: Range<Int>, into matches: inout [(Int, Int)]
    ) {
        var low = (a.lowerBound, b.lowerBound)
        var high = (a.upperBound, b.upperBound)
        while low.0 < high.0, low.1 < high.1, old[low.0] == new[low.1] {
            matches.append(low)
            low = (low.0 + 1, low.1 + 1)
        }
        var suffix: [(Int, Int)] = []
        while high.0 > low.0, high.1 > low.1, old[high.0 - 1] == new[high.1 - 1] {
            high = (high.0 - 1, high.1 - 1)
            suffix.append(high)
        }
        let rows = high.0 - low.0
        let columns = high.1 - low.1
        if rows > 0, columns > 0 {
            if rows * columns <= maxCells {
                table(old, new, old: low.0..<high.0, new: low.1..<high.1, into: &matches)
            } else {
                patience(old, new, old: low.0..<high.0, new: low.1..<high.1, into: &matches)
            }
        }
        matches.append(contentsOf: suffix.reversed())
    }

    /// The exact longest common subsequence by the quadratic table.
    private static func table(
        _ old: [Int], _ new: [Int], old a: Range<Int>, new b: Range<Int>, into matches: inout [(Int, Int)]
    ) {
        let rows = a.count
        let columns = b.count
        let width = columns + 1
        // lengths[i * width + j]: LCS length of old[a.lower + i ...] and new[b.lower + j ...].
        var lengths = [Int32](repeating: 0, count: (rows + 1) * width)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            let item = old[a.lowerBound + i]
            for j in stride(from: columns - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    item == new[b.lowerBound + j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < rows, j < columns {
            if old[a.lowerBound + i] == new[b.lowerBound + j],
                lengths[i * width + j] == lengths[(i + 1) * width + j + 1] + 1
            {
                matches.append((a.lowerBound + i, b.lowerBound + j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// Anchors on items unique to both sides, kept where their order agrees (longest increasing run), then
    /// aligns the pieces between anchors; without anchors, the piece is left to positional pairing.
    private static func patience(
        _ old: [Int], _ new: [Int], old a: Range<Int>, new b: Range<Int>, into matches: inout [(Int, Int)]
    ) {
        var oldCount: [Int: (count: Int, at: Int)] = [:]
        for index in a { oldCount[old[index], default: (0, index)].count += 1 }
        var newCount: [Int: (count: Int, at: Int)] = [:]
        for index in b { newCount[new[index], default: (0, index)].count += 1 }
        var candidates: [(Int, Int)] = []
        for index in a {
            guard let mine = oldCount[old[index]], mine.count == 1, let theirs = newCount[old[index]], theirs.count == 1
            else { continue }
            candidates.append((index, theirs.at))
        }
        let anchors = increasingRun(candidates)
        guard !anchors.isEmpty else { return }
        var previous = (a.lowerBound, b.lowerBound)
        for anchor in anchors {
            match(old, new, old: previous.0..<anchor.0, new: previous.1..<anchor.1, into: &matches)
            matches.append(anchor)
            previous = (anchor.0 + 1, anchor.1 + 1)
        }
        match(old, new, old: previous.0..<a.upperBound, new: previous.1..<b.upperBound, into: &matches)
    }

    /// The longest subsequence of pairs (sorted by old position) whose new positions increase: O(n log n).
    private static func increasingRun(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = []  // tails[k]: index into pairs of the smallest tail of a run of length k + 1
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].1 < pair.1 { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var run: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            run.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return run.reversed()
    }

    /// Steps from the matched positions: each gap's removals and additions paired in order as modifications.
    private static func steps(_ matches: [(Int, Int)], oldCount: Int, newCount: Int) -> [Step] {
        var steps: [Step] = []
        steps.reserveCapacity(max(oldCount, newCount))
        var i = 0
        var j = 0
        func gap(to end: (Int, Int)) {
            let removed = end.0 - i
            let added = end.1 - j
            let paired = min(removed, added)
            for offset in 0..<paired { steps.append(.modified(old: i + offset, new: j + offset)) }
            for offset in paired..<max(paired, removed) { steps.append(.removed(i + offset)) }
            for offset in paired..<max(paired, added) { steps.append(.added(j + offset)) }
        }
        for match in matches {
            gap(to: match)
            steps.append(.same)
            i = match.0 + 1
            j = match.1 + 1
        }
        gap(to: (oldCount, newCount))
        return steps
    }
}
