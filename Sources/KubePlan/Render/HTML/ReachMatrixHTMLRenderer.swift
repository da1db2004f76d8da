/// `kubec reach --matrix --output html`: the truth table under the NetworkPolicies, per workload and per pod.
///
/// One self-contained page, readable without JavaScript. First the workload matrix: rows are source workloads,
/// columns a destination workload and port, each cell "allow", "deny" or "partial" (some pod pairs allowed) in
/// text. Then, per source workload, a `<details>` with its pods' rows against every destination pod and port.
/// Colour only repeats the words; each cell's `title` names the policies and rules that decide it.
package enum ReachMatrixHTMLRenderer {
    /// One cell's answer: whether traffic is allowed, and why in words (the deciding rules).
    package struct Cell: Sendable {
        package var allowed: Bool
        package var reason: String

        package init(allowed: Bool, reason: String) {
            self.allowed = allowed
            self.reason = reason
        }
    }

    /// A destination pod on one port (`demo/zk-0`, `2181/TCP`).
    package struct Column: Sendable {
        package var destination: String
        package var port: String

        package init(destination: String, port: String) {
            self.destination = destination
            self.port = port
        }
    }

    /// The truth table: `cells[row][column]`, nil where source and destination are the same pod.
    package struct Matrix: Sendable {
        package var sources: [String]
        package var columns: [Column]
        package var cells: [[Cell?]]
        /// The workload of each source (`demo · Deployment web`); the pod's own name when it has no owner.
        package var sourceWorkloads: [String]
        /// The workload of each column's destination pod.
        package var columnWorkloads: [String]

        /// A matrix; without workloads each pod stands for itself.
        package init(
            sources: [String], columns: [Column], cells: [[Cell?]], sourceWorkloads: [String]? = nil,
            columnWorkloads: [String]? = nil
        ) {
            self.sources = sources
            self.columns = columns
            self.cells = cells
            self.sourceWorkloads = sourceWorkloads ?? sources
            self.columnWorkloads = columnWorkloads ?? columns.map(\.destination)
        }
    }

    package static func render(_ matrix: Matrix) -> String {
        var allowed = 0
        var denied = 0
        for row in matrix.cells {
            for cell in row {
                guard let cell else { continue }
                if cell.allowed { allowed += 1 } else { denied += 1 }
            }
        }
        let view = WorkloadView(matrix)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out +=
            "<title>kubec reach: \(matrix.sources.count) pods</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
        out += "<h1>Reachability</h1>\n<p class=\"totals\">\(matrix.sources.count) source pods, "
        out += "\(matrix.columns.count) destination ports: <span class=\"allow\">\(allowed) allowed</span>, "
        out += "<span class=\"deny\">\(denied) denied</span>. Hover or focus a cell for the deciding rules.</p>\n"
        out += "<nav aria-label=\"Sections\"><ul><li><a href=\"#workloads\">Workloads (\(view.rows.count))</a></li>"
        out += "<li><a href=\"#pods\">Pods (\(matrix.sources.count))</a></li></ul></nav>\n"
        workloadTable(view, into: &out)
        out += "<section id=\"pods\" aria-labelledby=\"pods-title\">\n<h2 id=\"pods-title\">Pods, by source workload</h2>\n"
        for (index, workload) in view.rows.enumerated() {
            let rows = view.sourceRows[index]
            let counts = view.rowCounts[index]
            out += "<details class=\"workload\" id=\"pods-\(index + 1)\"><summary>\(HTMLText.escape(workload)) "
            out += "<small>(\(rows.count) pod\(rows.count == 1 ? "" : "s"): \(counts.allowed) allowed, "
            out += "\(counts.denied) denied)</small></summary>\n"
            podTable(matrix, rows: rows, into: &out)
            out += "</details>\n"
        }
        out += "</section>\n<script>\n" + script + "</script>\n</body>\n</html>\n"
        return out
    }

    /// Opens the workload `<details>` a link or the address names (`#pods-3`): on load, on `hashchange`, and on a
    /// click on a link to it (a click on the link already in the address fires no `hashchange`). Without
    /// JavaScript the target still scrolls into view, folded. The script reads no manifest value.
    package static let script = """
        (function(){
        function open(id){var d=id&&document.getElementById(id);if(d&&d.tagName==='DETAILS')d.open=true;}
        function fromHash(){open(decodeURIComponent(location.hash.slice(1)));}
        window.addEventListener('hashchange',fromHash);
        document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="#"]');
        if(a)open(decodeURIComponent(a.getAttribute('href').slice(1)));});
        fromHash();
        })();

        """

    /// The pod-level table for some source rows against every destination column.
    static func podTable(_ matrix: Matrix, rows: [Int], into out: inout String) {
        out += "<div class=\"scroll\"><table>\n<caption>Rows: source pod. Columns: destination pod and port.</caption>\n"
        out += "<thead><tr><th scope=\"col\">From \\ To</th>"
        for column in matrix.columns {
            out += "<th scope=\"col\"><span>\(HTMLText.escape(column.destination))</span> "
            out += "<small>\(HTMLText.escape(column.port))</small></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let source = matrix.sources[row]
            out += "<tr><th scope=\"row\">\(HTMLText.escape(source))</th>"
            for (index, column) in matrix.columns.enumerated() {
                guard row < matrix.cells.count, index < matrix.cells[row].count, let cell = matrix.cells[row][index]
                else {
                    out += "<td class=\"self\">—</td>"
                    continue
                }
                let verdict = cell.allowed ? "allow" : "deny"
                let title = "\(source) → \(column.destination) \(column.port): \(verdict). \(cell.reason)"
                out += "<td class=\"\(verdict)\" tabindex=\"0\" title=\"\(HTMLText.escape(title))\">\(verdict)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    /// Allowed cells in bluish green, denied in vermillion (Okabe–Ito), with the words always present.
    static let css = """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0 1.5rem 2rem}
        h1{font-size:1.5rem;margin:1rem 0 .25rem}
        .scroll{overflow:auto;max-height:85vh;border:1px solid #c8c8c8}
        table{border-collapse:collapse;font-size:12px}
        caption{text-align:left;padding:.3rem;color:#555}
        th,td{border:1px solid #d0d0d0;padding:.15rem .35rem;text-align:center;white-space:nowrap}
        thead th{position:sticky;top:0;background:#f6f6f6;vertical-align:bottom}
        thead th span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block}
        thead th small{display:block;font-weight:normal}
        tbody th{position:sticky;left:0;background:#f6f6f6;text-align:left}
        td.allow{background:#cdeee2}
        td.deny{background:#f8d3bd;font-weight:600}
        td.partial{background:#fbecc8;font-style:italic}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        nav ul{list-style:none;padding:0;margin:.25rem 0;display:flex;gap:1rem}
        a{color:#005a8c}
        a:focus-visible,summary:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
        details.workload{margin:.3rem 0}
        details.workload>summary{cursor:pointer;font-weight:600}
        details.workload>summary small{font-weight:normal;color:#555}
        span.allow{color:#00664a}
        span.deny{color:#a33f00}
        td.self{color:#999}
        td:focus-visible{outline:3px solid #0072B2;outline-offset:-3px}
        @media print{.scroll{overflow:visible;max-height:none;border:0}nav{display:none}
        details::details-content{content-visibility:visible;display:contents}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}thead th,tbody th{position:static}}

        """
}
