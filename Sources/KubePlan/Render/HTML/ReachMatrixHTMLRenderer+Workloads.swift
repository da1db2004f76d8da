/// The workload-level matrix of the reachability page: the pod cells gathered per source workload and per
/// destination workload and port.
///
/// A workload cell is "allow" when every pod pair in it is allowed, "deny" when none is, else "partial" with
/// the count; its title names the distinct deciding rules (the first few) so the reason is one hover away.
extension ReachMatrixHTMLRenderer {
    /// Distinct reasons a workload cell's title names before it says how many more there are.
    static let maxReasons = 3

    /// One workload cell: pod pairs allowed and denied, and the distinct reasons in first-seen order.
    struct Aggregate {
        var allowed = 0
        var denied = 0
        var reasons: [String] = []
    }

    /// The matrix regrouped: workload rows (sorted), workload-and-port columns (sorted), aggregated cells.
    struct WorkloadView {
        var rows: [String]
        /// The pod rows of `matrix` under each workload row.
        var sourceRows: [[Int]]
        var columns: [(workload: String, port: String)]
        var cells: [[Aggregate]]
        var rowCounts: [(allowed: Int, denied: Int)]

        init(_ matrix: Matrix) {
            rows = Array(Set(matrix.sourceWorkloads)).sorted()
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            sourceRows = Array(repeating: [], count: rows.count)
            for (row, workload) in matrix.sourceWorkloads.enumerated() {
                if let index = rowIndex[workload] { sourceRows[index].append(row) }
            }
            struct Key: Hashable, Comparable {
                var workload: String
                var port: String
                static func < (lhs: Key, rhs: Key) -> Bool { (lhs.workload, lhs.port) < (rhs.workload, rhs.port) }
            }
            var keys: [Key] = []
            for (index, column) in matrix.columns.enumerated() {
                let workload = index < matrix.columnWorkloads.count ? matrix.columnWorkloads[index] : column.destination
                keys.append(Key(workload: workload, port: column.port))
            }
            let sortedKeys = Array(Set(keys)).sorted()
            let columnIndex = Dictionary(uniqueKeysWithValues: sortedKeys.enumerated().map { ($1, $0) })
            columns = sortedKeys.map { ($0.workload, $0.port) }
            cells = Array(repeating: Array(repeating: Aggregate(), count: sortedKeys.count), count: rows.count)
            rowCounts = Array(repeating: (0, 0), count: rows.count)
            for (row, workload) in matrix.sourceWorkloads.enumerated() where row < matrix.cells.count {
                guard let target = rowIndex[workload] else { continue }
                for (index, cell) in matrix.cells[row].enumerated() where index < keys.count {
                    guard let cell, let column = columnIndex[keys[index]] else { continue }
                    if cell.allowed {
                        cells[target][column].allowed += 1
                        rowCounts[target].allowed += 1
                    } else {
                        cells[target][column].denied += 1
                        rowCounts[target].denied += 1
                    }
                    if cells[target][column].reasons.count <= ReachMatrixHTMLRenderer.maxReasons,
                        !cells[target][column].reasons.contains(cell.reason)
                    {
                        cells[target][column].reasons.append(cell.reason)
                    }
                }
            }
        }
    }

    static func workloadTable(_ view: WorkloadView, into out: inout String) {
        out += "<section id=\"workloads\" aria-labelledby=\"workloads-title\">\n"
        out += "<h2 id=\"workloads-title\">Workloads</h2>\n<div class=\"scroll\"><table class=\"workloads\">\n"
        out += "<caption>Rows: source workload. Columns: destination workload and port. \"partial\": some pod pairs "
        out += "allowed, some denied (open the workload under Pods for each pair).</caption>\n"
        out += "<thead><tr><th scope=\"col\">From \\ To</th>"
        for column in view.columns {
            out += "<th scope=\"col\"><span>\(HTMLText.escape(column.workload))</span> "
            out += "<small>\(HTMLText.escape(column.port))</small></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, workload) in view.rows.enumerated() {
            out += "<tr><th scope=\"row\"><a href=\"#pods-\(row + 1)\">\(HTMLText.escape(workload))</a></th>"
            for (index, column) in view.columns.enumerated() {
                let cell = view.cells[row][index]
                let total = cell.allowed + cell.denied
                guard total > 0 else {
                    out += "<td class=\"self\">—</td>"
                    continue
                }
                let verdict: String
                let text: String
                if cell.denied == 0 {
                    (verdict, text) = ("allow", "allow")
                } else if cell.allowed == 0 {
                    (verdict, text) = ("deny", "deny")
                } else {
                    (verdict, text) = ("partial", "partial \(cell.allowed)/\(total)")
                }
                var title = "\(workload) → \(column.workload) \(column.port): \(text) (\(cell.allowed) of \(total) "
                title += "pod pairs allowed). " + cell.reasons.prefix(maxReasons).joined(separator: " | ")
                if cell.reasons.count > maxReasons { title += " | and more" }
                out += "<td class=\"\(verdict)\" tabindex=\"0\" title=\"\(HTMLText.escape(title))\">\(text)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n</section>\n"
    }
}
