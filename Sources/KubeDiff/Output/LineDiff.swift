/// A unified diff of two multi-line strings, for field values such as ConfigMap scripts, dashboards and
/// PromQL rules that a one-line "string changed" would hide.
///
/// Lines are numbered by content and aligned by `ListAlignment` (bounded, linear-ish); hunks keep
/// `context` unchanged lines around each change, as `diff -u` does. Within a gap, removed lines come before
/// added ones.
package enum LineDiff {
    /// One line of a unified hunk.
    package enum Line: Hashable, Sendable {
        case context(String)
        case removed(String)
        case added(String)

        /// The line as `diff -u` prints it: a space, `-` or `+`, then the text.
        package var text: String {
            switch self {
            case .context(let line): " " + line
            case .removed(let line): "-" + line
            case .added(let line): "+" + line
            }
        }
    }

    /// A hunk: its header's starting lines (1-based) and counts, then its lines.
    package struct Hunk: Hashable, Sendable {
        package var oldStart: Int
        package var oldCount: Int
        package var newStart: Int
        package var newCount: Int
        package var lines: [Line]

        /// `@@ -1,3 +1,4 @@`.
        package var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
    }

    /// Whether a changed string is worth a line diff: either side spans more than one line.
    package static func applies(_ old: String, _ new: String) -> Bool {
        old.utf8.contains(UInt8(ascii: "\n")) || new.utf8.contains(UInt8(ascii: "\n"))
    }

    /// The hunks turning `old` into `new`.
    package static func hunks(_ old: String, _ new: String, context: Int = 3) -> [Hunk] {
        let oldLines = split(old)
        let newLines = split(new)
        var numbers: [String: Int] = [:]
        let oldIDs = oldLines.map { line in number(line, &numbers) }
        let newIDs = newLines.map { line in number(line, &numbers) }
        // Flatten the alignment into (old index?, new index?) rows, removals before additions in each gap.
        var rows: [(old: Int?, new: Int?)] = []
        var i = 0
        var j = 0
        var pendingAdded: [Int] = []
        for step in ListAlignment.align(oldIDs, newIDs) {
            switch step {
            case .same:
                rows += pendingAdded.map { (nil, $0) }
                pendingAdded.removeAll()
                rows.append((i, j))
                i += 1
                j += 1
            case .removed(let index):
                rows.append((index, nil))
                i = index + 1
            case .added(let index):
                pendingAdded.append(index)
                j = index + 1
            case .modified(let oldIndex, let newIndex):
                rows.append((oldIndex, nil))
                pendingAdded.append(newIndex)
                i = oldIndex + 1
                j = newIndex + 1
            }
        }
        rows += pendingAdded.map { (nil, $0) }
        return group(rows, oldLines: oldLines, newLines: newLines, context: context)
    }

    private static func group(
        _ rows: [(old: Int?, new: Int?)], oldLines: [String], newLines: [String], context: Int
    ) -> [Hunk] {
        let changed = rows.indices.filter { rows[$0].old == nil || rows[$0].new == nil }
        guard !changed.isEmpty else { return [] }
        // Ranges of rows to show: each change with its context, merged when they touch.
        var ranges: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(rows.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { range in
            var hunk = Hunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 0, lines: [])
            // The start lines: the first old/new line at or after the hunk's first row.
            hunk.oldStart =
                (rows[range].first { $0.old != nil }?.old ?? oldPosition(before: range.lowerBound, rows)) + 1
            hunk.newStart =
                (rows[range].first { $0.new != nil }?.new ?? newPosition(before: range.lowerBound, rows)) + 1
            for row in rows[range] {
                switch (row.old, row.new) {
                case (let old?, _?):
                    hunk.lines.append(.context(oldLines[old]))
                    hunk.oldCount += 1
                    hunk.newCount += 1
                case (let old?, nil):
                    hunk.lines.append(.removed(oldLines[old]))
                    hunk.oldCount += 1
                case (nil, let new?):
                    hunk.lines.append(.added(newLines[new]))
                    hunk.newCount += 1
                case (nil, nil):
                    continue
                }
            }
            // `diff -u` numbers an empty side by the line before it.
            if hunk.oldCount == 0 { hunk.oldStart -= 1 }
            if hunk.newCount == 0 { hunk.newStart -= 1 }
            return hunk
        }
    }

    private static func oldPosition(before row: Int, _ rows: [(old: Int?, new: Int?)]) -> Int {
        rows[..<row].last { $0.old != nil }.flatMap { $0.old.map { $0 + 1 } } ?? 0
    }

    private static func newPosition(before row: Int, _ rows: [(old: Int?, new: Int?)]) -> Int {
        rows[..<row].last { $0.new != nil }.flatMap { $0.new.map { $0 + 1 } } ?? 0
    }

    private static func number(_ line: String, _ numbers: inout [String: Int]) -> Int {
        if let known = numbers[line] { return known }
        let next = numbers.count
        numbers[line] = next
        return next
    }

    /// Lines without their terminators; a final newline does not start an empty last line.
    private static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
