import KubePlan
import Testing

/// The placement page as a string: structure, aggregation and escaping (the browser tests in kubecTests check
/// what Chromium makes of it).
@Suite struct PlacementHTMLTests {
    static func deployment(_ name: String, replicas: Int, cpu: String = "100m") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: \(name)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec:
              containers:
                - {name: main, image: "x:1", resources: {requests: {cpu: \(cpu), memory: 64Mi}}}
        ---

        """
    }

    static let zoned =
        node("b-node", labels: ["topology.kubernetes.io/zone": "zone-b"])
        + node("a-node", labels: ["topology.kubernetes.io/zone": "zone-a"]) + node("loose")

    @Test func escapeReplacesEveryHTMLSpecialCharacter() {
        #expect(
            HTMLText.escape("<script>\"x\" & 'y'</script>")
                == "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;")
        #expect(HTMLText.escape("web-7d4b9c") == "web-7d4b9c")
    }

    @Test func hostileManifestValuesAreEscapedInTextAndAttributes() {
        let hostile =
            node("n1", labels: ["topology.kubernetes.io/zone": "<script>alert(1)</script>"])
            + pod("p\"><img src=x onerror=alert(2)>", cpu: "100m")
        let html = PlacementHTMLRenderer.render(plan(hostile))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("Zone &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img"))
        #expect(html.contains("p&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2)  // only the page's own script
    }

    @Test func nodesAreGroupedByZoneNamedZonesFirst() throws {
        let html = PlacementHTMLRenderer.render(plan(Self.zoned))
        let zoneA = try #require(html.range(of: "<h2 id=\"zone-1-title\">Zone zone-a"))
        let nodeA = try #require(html.range(of: "id=\"node-a-node\""))
        let zoneB = try #require(html.range(of: "<h2 id=\"zone-2-title\">Zone zone-b"))
        let nodeB = try #require(html.range(of: "id=\"node-b-node\""))
        let loose = try #require(html.range(of: "<h2 id=\"zone-3-title\">No zone label"))
        let looseNode = try #require(html.range(of: "id=\"node-loose\""))
        #expect(zoneA.lowerBound < nodeA.lowerBound && nodeA.lowerBound < zoneB.lowerBound)
        #expect(zoneB.lowerBound < nodeB.lowerBound && nodeB.lowerBound < loose.lowerBound)
        #expect(loose.lowerBound < looseNode.lowerBound)
    }

    @Test func podsOfOneWorkloadOnANodeAreOneSegmentAndOneRow() {
        let html = PlacementHTMLRenderer.render(plan(node("n1") + Self.deployment("web", replicas: 4)))
        // One cpu and one memory segment for four pods, one table row naming all four.
        #expect(html.components(separatedBy: "<span class=\"seg ").count - 1 == 2)
        #expect(html.contains("title=\"shop · Deployment web: 4 pods, 400m\""))
        #expect(html.contains("shop · Deployment web</td><td>4</td><td>400m</td><td>256Mi</td>"))
        #expect(html.contains("style=\"width:10.00%\""))  // 400m of 4 CPUs
    }

    @Test func aBarDrawsTheSevenLargestWorkloadsAndOneOtherSegment() {
        let pods = (1...10).map { pod("p\($0)", cpu: "\($0 * 10)m", memory: "1Mi") }.joined()
        let html = PlacementHTMLRenderer.render(plan(node("n1") + pods))
        #expect(html.components(separatedBy: "<span class=\"seg ").count - 1 == 16)  // 8 per bar, cpu and memory
        #expect(html.contains("title=\"3 other workloads: 3 pods, 60m\""))  // p1, p2, p3: 10m + 20m + 30m
        #expect(html.contains("title=\"default · Pod p10: 1 pod, 100m\""))
        #expect(!html.contains("title=\"default · Pod p3: 1 pod, 30m\""))
    }

    @Test func workloadsGetDistinctPaletteClassesAndALegendWithText() {
        let html = PlacementHTMLRenderer.render(
            plan(node("n1") + Self.deployment("api", replicas: 1) + Self.deployment("web", replicas: 1)))
        #expect(html.contains("<i class=\"sw w0\"></i>shop · Deployment api <small>(1 pod)"))
        #expect(html.contains("<i class=\"sw w1\"></i>shop · Deployment web <small>(1 pod)"))
    }

    @Test func paletteRepeatsWithAPatternAfterSevenWorkloads() {
        #expect(WorkloadPalette.classes(0) == "w0")
        #expect(WorkloadPalette.classes(7) == "w0 p1")
        #expect(WorkloadPalette.classes(15) == "w1 p2")
        #expect(WorkloadPalette.classes(21) == "w0")
    }

    @Test func unschedulablePodsAreListedWithTheSchedulersMessage() throws {
        let result = plan(node("n1", cpu: "1") + pod("big", cpu: "8"))
        let message = try #require(result.message(of: "default/big"))
        let html = PlacementHTMLRenderer.render(result)
        #expect(html.contains("Unschedulable pods (1)"))
        #expect(html.contains("<tr><td>default/big</td><td>Pod big</td><td>\(HTMLText.escape(message))</td></tr>"))
    }

    @Test func pageIsTheSameWhateverTheDocumentOrder() {
        let documents = [Self.zoned, Self.deployment("web", replicas: 3), Self.deployment("api", replicas: 2), pod("a")]
        let forward = PlacementHTMLRenderer.render(plan(documents.joined()))
        let backward = PlacementHTMLRenderer.render(plan(documents.reversed().joined()))
        #expect(forward == backward)
    }

    @Test func pageFetchesNothing() {
        let html = PlacementHTMLRenderer.render(plan(Self.zoned + pod("a", cpu: "1")))
        for external in ["src=", "href=\"http", "@import", "url(", "<link", "<iframe"] {
            #expect(!html.contains(external), "found \(external)")
        }
    }

    @Test func searchBoxIsHiddenUntilTheScriptShowsIt() {
        let html = PlacementHTMLRenderer.render(plan(Self.zoned))
        #expect(html.contains("<p id=\"search\" hidden>"))
        #expect(html.contains("box.hidden=false"))
    }

    @Test func percentWidthHasTwoDecimalsAndIsClamped() {
        #expect(HTMLText.percentWidth(1, of: 3) == "33.33%")
        #expect(HTMLText.percentWidth(5, of: 4) == "100.00%")
        #expect(HTMLText.percentWidth(0, of: 4) == "0%")
        #expect(HTMLText.percentWidth(7, of: 0) == "0%")
        #expect(HTMLText.percentWidth(1, of: 1_000) == "0.10%")
    }
}
