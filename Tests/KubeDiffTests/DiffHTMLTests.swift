import KubeDiff
import Testing

/// The diff page as a string: field changes old → new, refusals with their wording, rollout timeline, nodes,
/// and every manifest value escaped. (The browser tests in kubecTests check what Chromium makes of it.)
@Suite struct DiffHTMLTests {
    /// A name and annotation that would become markup if any value reached the page unescaped.
    static let hostile = "x\"><img src=x onerror=alert(1)><script>alert(2)</script>"

    static func page(_ old: String, _ new: String) -> String {
        DiffHTMLRenderer.render(DiffFixture.diff(old, new))
    }

    @Test func fieldChangeShowsOldAndNewValueWithItsWord() {
        let html = Self.page(DiffFixture.deployment(replicas: 3), DiffFixture.deployment(replicas: 4))
        #expect(
            html.contains(
                "<tr><td><span class=\"tag mod\">changed</span></td><td><code>spec.replicas</code></td>"
                    + "<td class=\"old\"><code>3</code></td><td class=\"new\"><code>4</code></td>"))
        #expect(html.contains("<span class=\"tag mod\">modified</span> Deployment default/web"))
    }

    @Test func refusedUpdateIsMarkedWithTheAPIServersWordingAndIndexed() {
        let html = Self.page(DiffFixture.deployment(app: "a"), DiffFixture.deployment(app: "b"))
        #expect(html.contains("<div class=\"refusal\" role=\"note\"><p><strong>The API server refuses this update:"))
        #expect(
            html.contains(
                "spec.selector: Invalid value: {&quot;matchLabels&quot;:{&quot;app&quot;:&quot;b&quot;}}: "
                    + "field is immutable"))
        #expect(html.contains("hint: needs delete and recreate"))
        #expect(html.contains("<li><a href=\"#object-1\">Deployment default/web</a>: spec.selector: Invalid value"))
        #expect(html.contains("<article class=\"object has-refused\" id=\"object-1\""))
    }

    @Test func updateThatIsAllowedHasNoRefusal() {
        let html = Self.page(DiffFixture.deployment(replicas: 3), DiffFixture.deployment(replicas: 4))
        #expect(!html.contains("class=\"refusal\""))
        #expect(!html.contains("id=\"refused\""))
    }

    @Test func rolloutStepsAreATimelineWithOneEntryPerStep() throws {
        let report = DiffFixture.diff(
            DiffFixture.deployment(image: "nginx:1.25"), DiffFixture.deployment(image: "nginx:1.26"))
        let plan = try #require(report.objects.first?.rollout)
        #expect(plan.steps.count > 2)
        let html = DiffHTMLRenderer.render(report)
        let timeline = try #require(html.components(separatedBy: "<ol class=\"timeline\">").last)
        let entries = timeline.components(separatedBy: "</ol>")[0].components(separatedBy: "<li>").count - 1
        #expect(entries == plan.steps.count)
        #expect(html.contains("<span class=\"action\">before the rollout</span>"))
        #expect(html.contains("aria-label=\"3 old, 0 new, 3 in all\""))
    }

    @Test func multiLineStringIsALineDiff() {
        let config = { (value: String) in
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  app.cfg: |\n    a=1\n    b=\(value)\n    c=3\n"
        }
        let html = Self.page(config("2"), config("20"))
        #expect(html.contains("<del>-b=2</del>\n<ins>+b=20</ins>"))
        #expect(html.contains("1 line removed</td>"))
    }

    @Test func hostileNameAndValueAreEscapedEverywhere() {
        let old = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'HOSTILE'\ndata: {k: a}\n"
        let quoted = Self.hostile.replacingOccurrences(of: "'", with: "''")
        let new = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'HOSTILE'\ndata: {k: 'HOSTILE'}\n"
        let html = Self.page(
            old.replacingOccurrences(of: "HOSTILE", with: quoted), new.replacingOccurrences(of: "HOSTILE", with: quoted)
        )
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("alert(1)>"))
        #expect(!html.contains("x\"&gt;") && !html.contains("x\">"))
        #expect(
            html.contains(
                "ConfigMap default/x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
    }

    @Test func pageFetchesNothing() {
        let html = Self.page(DiffFixture.deployment(image: "nginx:1.25"), DiffFixture.deployment(image: "nginx:1.26"))
        for fetch in [" src=", "<link", "@import", "url(http", "href=\"http", "<iframe"] {
            #expect(!html.contains(fetch), "\(fetch)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func compiledChangesAreGroupedPerNode() throws {
        let old = CompiledFixture.app
        let new = CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3")
        var report = DiffFixture.diff(old, new)
        report.compiled = CompiledFixture.diff(old, new)
        let compiled = try #require(report.compiled)
        let added = try #require(compiled.pods.first { $0.change == .added })
        let node = try #require(added.newNode)
        let html = DiffHTMLRenderer.render(report)
        let section = try #require(
            html.components(separatedBy: "<span class=\"name\">\(node)</span>").dropFirst().first)
        let details = section.components(separatedBy: "</details>")[0]
        #expect(details.contains("<span class=\"tag add\">added</span></td><td>\(added.key)</td>"))
        #expect(details.contains("iptables.rules"))
        #expect(html.contains(compiled.summaryText))
    }

    @Test func clusterWithoutDifferencesSaysSo() {
        var report = DiffFixture.diff(CompiledFixture.app, CompiledFixture.app)
        report.compiled = CompiledFixture.diff(CompiledFixture.app, CompiledFixture.app)
        #expect(DiffHTMLRenderer.render(report).contains("No differences in placement or dataplane."))
    }
}
