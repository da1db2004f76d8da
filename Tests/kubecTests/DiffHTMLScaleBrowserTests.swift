import BenchmarkInputs
import Foundation
import KubeTestSupport
import Testing

/// The diff page at 1,000 nodes (3,000 pods here; 30,000 in `make bench`) from `DiffScaleInputs`, made by
/// `kubec diff --cluster … --output html` and built by headless Chromium; and where node sections start folded.
///
/// The time Chromium takes to draw that page is a `make bench` figure (ProcessTargets), not a test. The page
/// goes into `.build/test-output/html/diff-1000-nodes.html`.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct DiffHTMLScaleBrowserTests {
    /// `kubec diff … --output html` on a generated pair of `nodes` nodes and `deployments` × 3 pods.
    static func diffPage(nodes: Int, deployments: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubec-diff-scale-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pair = try DiffScaleInputs.write(to: folder, nodes: nodes, deployments: deployments)
        let run = try KubecProcess.run(["diff", pair.before, pair.after, "--cluster", pair.cluster, "--output", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// The 1,000-node page, made once for the tests that read it. 3,000 pods, not 30,000: the debug binary would take
    /// minutes of the suite for the larger set, which `make bench` draws instead ("diff --output html, 1k nodes").
    static let largePage: Result<String, any Error> = Result {
        let file = try HeadlessChromium.outputFolder("html") + "/diff-1000-nodes.html"
        try diffPage(nodes: 1_000, deployments: 1_000).write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The start tags of the node sections in a page or DOM dump.
    private func nodeTags(_ html: String) -> [String] {
        html.components(separatedBy: "<details class=\"node\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test func thousandNodePageListsEveryNodeFoldedInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let dom = try HeadlessChromium.dumpDOM(try Self.largePage.get())
        #expect(dom.contains("<h3>Per node <small>(1000 nodes)</small></h3>"))
        let nodes = nodeTags(dom)
        #expect(nodes.count == 1_000)
        #expect(nodes.allSatisfy { !$0.contains("open") && !$0.contains("hidden") })
        #expect(dom.contains("<span class=\"name\">node-0000</span>"))
        #expect(dom.contains("<span class=\"name\">node-0999</span>"))
        // The image change of app-0 as a field change, and the port change of its Service.
        #expect(dom.contains("<td class=\"new\"><code>\"nginx:1.27.3\"</code></td>"))
        #expect(dom.contains("Service ns-0/app-0"))
        // The script ran over all of it: the search box is shown.
        #expect(dom.contains("<p id=\"search\" class=\"controls\">"))
    }

    @Test func thousandNodeSearchShowsOnlyTheNodesItFindsOpenInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let dom = try HeadlessChromium.dumpDOM(try Self.largePage.get(), query: "q=node-0421")
        let sections = dom.components(separatedBy: "<details class=\"node\"").dropFirst()
            .map { $0.components(separatedBy: "</details>").first ?? "" }
        #expect(sections.count == 1_000)
        let shown = sections.filter { !$0.prefix { $0 != ">" }.contains("hidden") }
        // node-0421's own section, and any other node a pod moved between it and node-0421 (its rows name both).
        #expect(shown.contains { $0.contains("<span class=\"name\">node-0421</span>") })
        #expect(shown.count < 5)
        #expect(shown.allSatisfy { $0.contains("node-0421") && $0.hasPrefix(" data-search=\"\" open=\"\">") })
    }

    @Test func fortyNodesStayOpen() throws {
        let nodes = nodeTags(try Self.diffPage(nodes: 40, deployments: 200))
        #expect(nodes.count == 40)
        #expect(nodes.allSatisfy { $0 == " data-search open" })
    }

    @Test func fortyOneNodesFoldToTheirSummaries() throws {
        let nodes = nodeTags(try Self.diffPage(nodes: 41, deployments: 200))
        #expect(nodes.count == 41)
        #expect(nodes.allSatisfy { $0 == " data-search" })
    }
}
