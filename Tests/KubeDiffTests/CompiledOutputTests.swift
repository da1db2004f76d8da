import Foundation
import KubeDiff
import Testing

/// The compiled section in the text and JSON reports.
struct CompiledOutputTests {
    static func scaledReport(keepLines: Bool = false) -> DiffReport {
        let old = DiffFixture.set([("old/shop.yaml", CompiledFixture.app)])
        let new = DiffFixture.set([
            ("new/shop.yaml", CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
        ])
        var report = ManifestDiff.compare(old: old, new: new)
        report.cluster = .compiled(path: "cluster")
        report.compiled = CompiledDiffer.compare(
            old: old, new: new, cluster: CompiledFixture.cluster, path: "cluster", keepLines: keepLines)
        return report
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonCompiledMemberHasTheDocumentedKeys() throws {
        let root = try Self.jsonObject(DiffJSONRenderer.render(Self.scaledReport()))
        let compiled = try #require(root["compiled"] as? [String: Any])
        #expect(Set(compiled.keys) == ["cluster", "pods", "services", "rules", "dns", "routes", "summary"])
        let summary = try #require(compiled["summary"] as? [String: Any])
        #expect(
            Set(summary.keys) == [
                "podsAdded", "podsRemoved", "podsMoved", "podsReplaced", "podsUnschedulable", "podsScheduled",
                "podsReaddressed", "services", "rulesAdded", "rulesRemoved", "dnsAdded", "dnsRemoved", "routes",
                "different",
            ])
        let rule = try #require((compiled["rules"] as? [[String: Any]])?.first)
        #expect(Set(rule.keys) == ["node", "file", "added", "removed", "chainsAdded", "chainsRemoved"])
    }

    @Test func jsonKeepsTheManifestMembers() throws {
        let root = try Self.jsonObject(DiffJSONRenderer.render(Self.scaledReport()))
        #expect(Set(root.keys) == ["objects", "diagnostics", "summary", "cluster", "compiled"])
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["different"] as? Bool == true)
    }

    @Test func verboseJSONListsKeptLines() throws {
        let text = DiffJSONRenderer.render(Self.scaledReport(keepLines: true), verbose: true)
        let root = try Self.jsonObject(text)
        let compiled = try #require(root["compiled"] as? [String: Any])
        let rule = try #require((compiled["rules"] as? [[String: Any]])?.first)
        let lines = try #require(rule["addedLines"] as? [String])
        #expect(lines.count == rule["added"] as? Int)
    }

    @Test func textSectionComesAfterTheObjectsAndSummaryLast() {
        let lines = DiffTextRenderer().render(Self.scaledReport()).split(separator: "\n").map(String.init)
        let object = lines.firstIndex { $0.hasPrefix("~ Deployment shop/web") }
        let section = lines.firstIndex(of: "compiled on cluster:")
        #expect(object != nil && section != nil && object ?? 0 < section ?? 0)
        #expect(lines.last?.hasPrefix("compiled on cluster: pods 1 added; rules +") == true)
        #expect(lines.contains("  routes:"))
    }

    @Test func textWithoutDifferencesIsOneLine() {
        let set = DiffFixture.set([("shop.yaml", CompiledFixture.app)])
        var report = ManifestDiff.compare(old: set, new: set)
        report.compiled = CompiledDiffer.compare(old: set, new: set, cluster: CompiledFixture.cluster, path: "c")
        #expect(
            DiffTextRenderer().render(report)
                == "no differences (6 objects compared)\ncompiled on c: no differences in placement or dataplane\n")
    }
}
