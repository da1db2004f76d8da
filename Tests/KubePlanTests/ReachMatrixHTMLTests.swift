import KubePlan
import Testing

/// The reachability page as a string: one row per source, a text verdict per cell, the reason in its title.
@Suite struct ReachMatrixHTMLTests {
    typealias Renderer = ReachMatrixHTMLRenderer

    static let matrix = Renderer.Matrix(
        sources: ["demo/a", "demo/<b>"],
        columns: [.init(destination: "demo/a", port: "80/TCP"), .init(destination: "demo/<b>", port: "80/TCP")],
        cells: [
            [nil, Renderer.Cell(allowed: true, reason: "allowed by demo/allow-\"a\"#0")],
            [Renderer.Cell(allowed: false, reason: "denied: selected by demo/deny-all"), nil],
        ])

    @Test func cellsSayAllowOrDenyInTextWithTheReasonAsTitle() {
        let html = Renderer.render(Self.matrix)
        #expect(
            html.contains(
                "<td class=\"allow\" tabindex=\"0\" title=\"demo/a → demo/&lt;b&gt; 80/TCP: allow. "
                    + "allowed by demo/allow-&quot;a&quot;#0\">allow</td>"))
        #expect(html.contains(">deny</td>"))
        let pods = html.components(separatedBy: "<section id=\"pods\"").last ?? ""
        #expect(pods.components(separatedBy: "<td class=\"self\">—</td>").count - 1 == 2)
    }

    @Test func namesAreEscapedInHeadersAndRows() {
        let html = Renderer.render(Self.matrix)
        #expect(!html.contains("<b>"))
        #expect(html.contains("<th scope=\"row\">demo/&lt;b&gt;</th>"))
    }

    @Test func totalsCountAllowedAndDeniedCells() {
        #expect(Renderer.render(Self.matrix).contains("1 allowed</span>, <span class=\"deny\">1 denied</span>"))
    }

    /// Two web pods and a db pod: web → db allowed from one web pod only, db → web denied.
    static let workloads = Renderer.Matrix(
        sources: ["demo/web-1", "demo/web-2", "demo/db-0"],
        columns: [
            .init(destination: "demo/web-1", port: "80/TCP"), .init(destination: "demo/web-2", port: "80/TCP"),
            .init(destination: "demo/db-0", port: "5432/TCP"),
        ],
        cells: [
            [nil, Renderer.Cell(allowed: true, reason: "not isolated"), Renderer.Cell(allowed: true, reason: "r1")],
            [Renderer.Cell(allowed: true, reason: "not isolated"), nil, Renderer.Cell(allowed: false, reason: "r2")],
            [Renderer.Cell(allowed: false, reason: "r3"), Renderer.Cell(allowed: false, reason: "r3"), nil],
        ],
        sourceWorkloads: ["demo · Deployment web", "demo · Deployment web", "demo · StatefulSet db"],
        columnWorkloads: ["demo · Deployment web", "demo · Deployment web", "demo · StatefulSet db"])

    @Test func workloadCellIsPartialWhenSomePodPairsAreAllowed() {
        let html = Renderer.render(Self.workloads)
        #expect(
            html.contains(
                "<td class=\"partial\" tabindex=\"0\" title=\"demo · Deployment web → demo · StatefulSet db 5432/TCP: "
                    + "partial 1/2 (1 of 2 pod pairs allowed). r1 | r2\">partial 1/2</td>"))
    }

    @Test func workloadCellIsDenyOnlyWhenEveryPodPairIsDenied() {
        let html = Renderer.render(Self.workloads)
        #expect(html.contains("demo · StatefulSet db → demo · Deployment web 80/TCP: deny (0 of 2 pod pairs allowed). r3\">deny</td>"))
        #expect(html.contains("demo · Deployment web → demo · Deployment web 80/TCP: allow (2 of 2"))
    }

    @Test func eachSourceWorkloadFoldsItsPodRowsIntoDetails() throws {
        let html = Renderer.render(Self.workloads)
        #expect(html.contains("<th scope=\"row\"><a href=\"#pods-1\">demo · Deployment web</a></th>"))
        let web = try #require(html.components(separatedBy: "<details class=\"workload\" id=\"pods-1\">").last)
        let section = web.components(separatedBy: "</details>")[0]
        #expect(section.contains("<summary>demo · Deployment web <small>(2 pods: 3 allowed, 1 denied)</small></summary>"))
        #expect(section.contains("<th scope=\"row\">demo/web-1</th>"))
        #expect(section.contains("<th scope=\"row\">demo/web-2</th>"))
        #expect(!section.contains("<th scope=\"row\">demo/db-0</th>"))
    }

    @Test func theOnlyScriptIsTheFixedDetailsOpener() {
        // No manifest value reaches a script: the one script is the same text whatever the matrix.
        let scripts = Renderer.render(Self.workloads).components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 1)
        #expect(scripts.first?.hasPrefix(">\n" + Renderer.script + "</script>\n</body>") == true)
    }
}
