import KubeTestSupport
import KubeYAML
import Testing

@testable import KubeDiff

/// Big values made readable: line diffs of multi-line strings, JSON inside strings, CRD schemas by property.
@Suite("Readable changes")
struct ReadableChangesTests {
    static func configMap(_ key: String, _ body: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  \(key): |\n"
            + body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            + "\n"
    }

    @Test func lineDiffHasUnifiedHunks() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new =
            old.split(separator: "\n").map { $0 == "line 5" ? "line five" : String($0) }.joined(separator: "\n") + "\n"
        let hunks = LineDiff.hunks(old, new)
        #expect(hunks.map(\.header) == ["@@ -2,7 +2,7 @@"])
        #expect(
            hunks.first?.lines.map(\.text) == [
                " line 2", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7", " line 8",
            ])
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...30).map { "l\($0)" }.joined(separator: "\n")
        let new = old.split(separator: "\n").map { $0 == "l3" || $0 == "l27" ? "x" : String($0) }.joined(
            separator: "\n")
        #expect(LineDiff.hunks(old, new).map(\.header) == ["@@ -1,6 +1,6 @@", "@@ -24,7 +24,7 @@"])
    }

    @Test func multiLineStringRendersAsLineDiff() {
        let old = Self.configMap("run.sh", "#!/bin/sh\nset -e\necho start\nexec app --port 80")
        let new = Self.configMap("run.sh", "#!/bin/sh\nset -e\necho start\nexec app --port 8080")
        let text = DiffTextRenderer().render(DiffFixture.diff(old, new))
        #expect(text.contains("  ~ data[\"run.sh\"]: 1 line removed, 1 line added  L5:"))
        #expect(text.contains("      -exec app --port 80\n      +exec app --port 8080\n"))
    }

    @Test func jsonInAStringIsDiffedAsJSON() {
        let dashboard = { (title: String) in
            "{\n  \"title\": \"Nodes\",\n  \"panels\": [\n    {\"id\": 1, \"title\": \"CPU\"},\n    {\"id\": 2, \"title\": \"\(title)\"}\n  ]\n}"
        }
        let report = DiffFixture.diff(
            Self.configMap("nodes.json", dashboard("Memory")), Self.configMap("nodes.json", dashboard("RAM")))
        #expect(DiffFixture.fieldSummary(report) == ["data[\"nodes.json\"].panels[1].title modified"])
        let change = report.objects.first?.fields.first
        #expect(change?.new == .scalar(text: "RAM", type: .string))
        #expect(change?.newRange?.start.line == 5)
    }

    @Test func schemaChangesAreSummarisedPerVersion() throws {
        let old = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        let new = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true, field: "count"))
        let object = try #require(DiffFixture.diff(old, new).objects.first)
        #expect(
            object.schemaChanges == [
                CRDSchemaChanges(
                    version: "v1",
                    entries: [
                        .added(property: "spec.count", type: "integer"), .removed(property: "spec.size"),
                    ])
            ])
        let text = DiffTextRenderer().renderObject(object)
        #expect(text.contains("  ~ schema of v1: 1 property added, 1 removed"))
        #expect(text.contains("      + spec.count (integer)"))
        #expect(!text.contains { $0.contains("openAPIV3Schema") })
    }

    @Test func newlyRequiredPropertyWarns() throws {
        let version = { (required: String) in
            "  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n"
                + "        properties:\n          spec:\n            type: object\n\(required)"
                + "            properties:\n              size: {type: integer}\n              color: {type: string}\n"
        }
        let old = OrderSemanticsTests.crd(versions: version("            required: [size]\n"))
        let new = OrderSemanticsTests.crd(versions: version("            required: [size, color]\n"))
        let report = DiffFixture.diff(old, new)
        #expect(
            DiffFixture.findingMessages(report) == [
                "spec.versions[name=v1]: spec.color is now required: objects stored without it fail validation on their next update"
            ])
        #expect(report.objects.first?.schemaChanges.first?.entries == [.nowRequired(property: "spec.color")])
    }

    @Test func schemaKeywordChangesNameTheProperty() throws {
        let old = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        let new = old.replacingFirst("size: {type: integer}", with: "size: {type: integer, description: How big.}")
        let object = try #require(DiffFixture.diff(old, new).objects.first)
        #expect(object.schemaChanges.first?.entries == [.changed(property: "spec.size", keywords: ["description"])])
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (no Foundation in these tests).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
