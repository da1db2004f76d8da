/// `kubec reach --matrix --output html`: the pod-to-pod truth table under the NetworkPolicies.
///
/// One self-contained page. Rows are sources, columns a destination pod and port; each cell says "allow" or "deny"
/// in text (colour only repeats it) and its `title` names the policies and rules that decide it.
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

        package init(sources: [String], columns: [Column], cells: [[Cell?]]) {
            self.sources = sources
            self.columns = columns
            self.cells = cells
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
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out +=
            "<title>kubec reach: \(matrix.sources.count) pods</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
        out += "<h1>Reachability</h1>\n<p class=\"totals\">\(matrix.sources.count) source pods, "
        out += "\(matrix.columns.count) destination ports: <span class=\"allow\">\(allowed) allowed</span>, "
        out += "<span class=\"deny\">\(denied) denied</span>. Hover or focus a cell for the deciding rules.</p>\n"
        out +=
            "<div class=\"scroll\"><table>\n<caption>Rows: source pod. Columns: destination pod and port.</caption>\n"
        out += "<thead><tr><th scope=\"col\">From \\ To</th>"
        for column in matrix.columns {
            out += "<th scope=\"col\"><span>\(HTMLText.escape(column.destination))</span> "
            out += "<small>\(HTMLText.escape(column.port))</small></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, source) in matrix.sources.enumerated() {
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
        out += "</tbody></table></div>\n</body>\n</html>\n"
        return out
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
        span.allow{color:#00664a}
        span.deny{color:#a33f00}
        td.self{color:#999}
        td:focus-visible{outline:3px solid #0072B2;outline-offset:-3px}
        @media print{.scroll{overflow:visible;max-height:none;border:0}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}thead th,tbody th{position:static}}

        """
}
