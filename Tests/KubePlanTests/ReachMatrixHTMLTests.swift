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
        #expect(html.components(separatedBy: "<td class=\"self\">—</td>").count - 1 == 2)
    }

    @Test func namesAreEscapedInHeadersAndRows() {
        let html = Renderer.render(Self.matrix)
        #expect(!html.contains("<b>"))
        #expect(html.contains("<th scope=\"row\">demo/&lt;b&gt;</th>"))
    }

    @Test func totalsCountAllowedAndDeniedCells() {
        #expect(Renderer.render(Self.matrix).contains("1 allowed</span>, <span class=\"deny\">1 denied</span>"))
    }
}
