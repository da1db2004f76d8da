import Foundation
import KubeTestSupport
import Testing

/// The HTML reports of the demo as headless Chromium builds and draws them.
///
/// Text is read back from the DOM after the page's script ran; screenshots go into `.build/test-output/html/`
/// for a person to look at. Under `CI=true` a missing Chromium fails these tests.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct HTMLReportBrowserTests {
    /// A pod no demo node can hold, given on standard input beside the demo, so the page lists one unschedulable pod.
    static let oversized = """
        apiVersion: v1
        kind: Pod
        metadata: {name: oversized, namespace: demo}
        spec:
          containers:
            - {name: main, image: "busybox:1.36", resources: {requests: {cpu: "64", memory: 1Gi}}}

        """

    /// Writes `kubec ARGS` output to `.build/test-output/html/NAME` and returns its path.
    private func page(_ name: String, _ arguments: [String], stdin: String? = nil) throws -> String {
        let run = try KubecProcess.run(arguments, stdin: stdin)
        #expect(run.status == 0 || run.status == 1, "kubec \(arguments.joined(separator: " ")): \(run.stderr)")
        let file = try HeadlessChromium.outputFolder("html") + "/" + name
        try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func placementPageShowsNodesPodsAndTheSchedulersReasonInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try page(
            "placement.html", ["plan", RepositoryPaths.manifests, "-", "--output", "html"], stdin: Self.oversized)
        let dom = try HeadlessChromium.dumpDOM(file)
        for node in ["cp-1", "worker-1", "worker-2", "worker-3"] { #expect(dom.contains(">\(node)</span>")) }
        #expect(dom.contains("<h2 id=\"zone-1-title\">Zone zone-a"))
        #expect(dom.contains("demo · StatefulSet zk"))
        #expect(dom.contains("zk-0"))
        #expect(dom.contains("<tr><td>demo/oversized</td><td>Pod oversized</td><td>0/4 nodes are available: "))
        #expect(dom.contains("Insufficient cpu"))
        // The script ran: the search box is shown (it is hidden in the HTML for readers without JavaScript).
        #expect(dom.contains("<p id=\"search\">"))
    }

    @Test func placementSearchFromTheAddressHidesOtherNodesInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try page("placement-search.html", ["plan", RepositoryPaths.manifests, "--output", "html"])
        let dom = try HeadlessChromium.dumpDOM(file, query: "q=worker-3")
        let nodes = dom.components(separatedBy: "<details class=\"node\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(nodes.count == 4)
        #expect(nodes.filter { !$0.contains("hidden") } == [" id=\"node-worker-3\" open=\"\""])
        #expect(dom.contains("<span id=\"search-status\" role=\"status\">1 matching</span>"))
    }

    @Test func placementPageScreenshotIsDrawn() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try page(
            "placement-shot.html", ["plan", RepositoryPaths.manifests, "-", "--output", "html"], stdin: Self.oversized)
        let png = try HeadlessChromium.outputFolder("html") + "/placement.png"
        try? FileManager.default.removeItem(atPath: png)
        try HeadlessChromium.screenshot(file, to: png)
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > 10_000)
    }

    @Test func compileWritesTheSamePlacementPageAsReportHTML() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-html-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let compile = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", directory])
        #expect(compile.status == 0, "\(compile.stderr)")
        let report = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        let plan = try KubecProcess.run(["plan", RepositoryPaths.manifests, "--output", "html"])
        #expect(report == plan.stdout)
    }

    @Test func reachMatrixPageNamesTheDecidingRuleOfEachCellInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try page(
            "reach.html", ["reach", "--matrix", RepositoryPaths.manifests, "--port", "2181", "--output", "html"])
        let dom = try HeadlessChromium.dumpDOM(file)
        #expect(dom.contains("<th scope=\"row\">demo/zk-0</th>"))
        // The workload rows link to their pods' rows, folded in a <details> per workload.
        #expect(dom.contains("\">demo · StatefulSet zk</a></th>"))
        #expect(dom.contains("<summary>demo · StatefulSet zk <small>(3 pods: "))
        #expect(dom.contains("allowed by demo/zk-allow-clients#0"))
        #expect(dom.contains(">deny</td>"))
        #expect(dom.contains(">allow</td>"))
        let png = try HeadlessChromium.outputFolder("html") + "/reach.png"
        try HeadlessChromium.screenshot(file, to: png)
        #expect(FileManager.default.fileExists(atPath: png))
    }

    /// The `<details class="workload">` start tags of a reach page's DOM.
    private func workloadDetails(_ dom: String) -> [String] {
        dom.components(separatedBy: "<details class=\"workload\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test func reachLinkToAWorkloadOpensItsPodsInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try page(
            "reach-link.html", ["reach", "--matrix", RepositoryPaths.manifests, "--port", "2181", "--output", "html"])
        let folded = workloadDetails(try HeadlessChromium.dumpDOM(file))
        #expect(folded.count >= 2)
        #expect(folded.allSatisfy { !$0.contains("open") })
        let opened = workloadDetails(try HeadlessChromium.dumpDOM(file, fragment: "pods-2"))
        #expect(opened.filter { $0.contains("open") } == [" id=\"pods-2\" open=\"\""])
    }
}
