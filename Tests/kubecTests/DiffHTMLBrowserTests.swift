import Foundation
import KubeTestSupport
import Testing

/// The diff page of the demo before and after `scripts/demo-change.sh` in headless Chromium.
///
/// Chromium builds, filters, draws and prints it. Pages, screenshot and PDF go into `.build/test-output/html/`. Under `CI=true` a missing
/// Chromium or pdftotext fails these tests.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct DiffHTMLBrowserTests {
    /// Writes the demo's before/after pair under a fresh folder, diffs it with the demo cluster into
    /// `.build/test-output/html/NAME` and returns the page's path.
    private func demoDiffPage(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubec-demo-change-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = Process()
        script.executableURL = URL(fileURLWithPath: RepositoryPaths.root + "/scripts/demo-change.sh")
        script.arguments = [folder]
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        let run = try KubecProcess.run([
            "diff", folder + "/before", folder + "/after", "--cluster", RepositoryPaths.manifests + "/cluster",
            "--output", "html",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let file = try HeadlessChromium.outputFolder("html") + "/" + name
        try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The `<article>` start tags of the objects in a DOM dump, by the object's title text.
    private func articleTags(_ dom: String) -> [(tag: String, title: String)] {
        dom.components(separatedBy: "<article ").dropFirst().map { chunk in
            let tag = String(chunk.prefix { $0 != ">" })
            let heading = chunk.components(separatedBy: "</span> ").dropFirst().first ?? ""
            return (tag, String(heading.prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func demoChangePageShowsFieldsRefusalRolloutAndNodesInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let dom = try HeadlessChromium.dumpDOM(try demoDiffPage("diff.html"))
        #expect(dom.contains("<code>spec.template.spec.containers[name=nginx].image</code>"))
        #expect(dom.contains("<td class=\"old\"><code>\"nginx:1.27.2\"</code></td>"))
        #expect(dom.contains("<td class=\"new\"><code>\"nginx:1.27.3\"</code></td>"))
        // The refused volumeClaimTemplates resize, in the API server's words.
        #expect(dom.contains("<article class=\"object has-refused\""))
        #expect(dom.contains("spec: Forbidden: updates to statefulset spec for fields other than"))
        // The zoo.cfg edit as a line diff, the web rollout as a timeline.
        #expect(dom.contains("<del>-maxClientCnxns=60</del>"))
        #expect(dom.contains("<ins>+maxClientCnxns=120</ins>"))
        #expect(dom.contains("<ol class=\"timeline\">"))
        #expect(dom.contains("<span class=\"action\">before the rollout</span>"))
        // Per node: the fourth web pod lands somewhere, and the rules change on every node.
        #expect(dom.contains("<span class=\"name\">worker-1</span>"))
        #expect(dom.contains("<span class=\"tag add\">added</span></td><td>demo/web-"))
        #expect(dom.contains("<code>iptables.rules</code>"))
        // The script ran: the search box is shown.
        #expect(dom.contains("<p id=\"search\" class=\"controls\">"))
    }

    @Test func demoChangePageScreenshotIsDrawn() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try demoDiffPage("diff-shot.html")
        let png = try HeadlessChromium.outputFolder("html") + "/diff.png"
        try? FileManager.default.removeItem(atPath: png)
        try HeadlessChromium.screenshot(file, to: png)
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > 10_000)
    }

    @Test func searchQueryHidesObjectsThatDoNotMatchInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try demoDiffPage("diff-search.html")
        let all = articleTags(try HeadlessChromium.dumpDOM(file))
        #expect(all.count >= 4)
        #expect(all.allSatisfy { !$0.tag.contains("hidden") })
        let filtered = try HeadlessChromium.dumpDOM(file, query: "q=zk-cs")
        let articles = articleTags(filtered)
        let shown = articles.filter { !$0.tag.contains("hidden") }.map(\.title)
        #expect(shown == ["Service demo/zk-cs"])
        #expect(articles.count == all.count)
        #expect(filtered.contains("<span id=\"search-status\" role=\"status\">"))
        #expect(filtered.contains(" matching</span>"))
    }

    @Test func printedPageHoldsTheContentWithoutTheSearchBox() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        let file = try demoDiffPage("diff-print.html")
        let pdf = try HeadlessChromium.outputFolder("html") + "/diff.pdf"
        try? FileManager.default.removeItem(atPath: pdf)
        try HeadlessChromium.printToPDF(file, to: pdf)
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Array("%PDF-".utf8)))
        #expect(data.count > 20_000)
        guard let text = try HeadlessChromium.pdfText(pdf) else {
            _ = RealTool.require(false, "pdftotext (poppler-utils)")
            return
        }
        #expect(text.contains("Deployment demo/web"))
        #expect(text.contains("The API server refuses this update"))
        #expect(text.contains("worker-1"))
        #expect(!text.contains("Search objects"))
        #expect(!text.contains("Refused updates (1)"), "the navigation is not printed")
    }

    @Test func hostileNameStaysTextInChromium() throws {
        guard RealTool.require(HeadlessChromium.path != nil, "chromium") else { return }
        // Nothing that blocks (no alert): if the page ever let it through, the title would say so.
        let hostile = "x\"><img id=injected src=x onerror=document.title=1><script>document.title='owned'</script>"
        let old = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'N'\n  namespace: demo\ndata: {k: a}\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = old.replacingOccurrences(
            of: "'N'", with: "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'")
        try name.write(to: folder.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        try name.replacingOccurrences(of: "{k: a}", with: "{k: b}").write(
            to: folder.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let run = try KubecProcess.run([
            "diff", folder.appendingPathComponent("old.yaml").path, folder.appendingPathComponent("new.yaml").path,
            "--output", "html",
        ])
        let file = try HeadlessChromium.outputFolder("html") + "/diff-hostile.html"
        try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let dom = try HeadlessChromium.dumpDOM(file)
        #expect(dom.contains("ConfigMap demo/x\"&gt;&lt;img id=injected"))
        #expect(!dom.contains("<img id=\"injected\""))
        #expect(dom.contains("<title>kubec diff: 1 object differs</title>"))
    }
}
