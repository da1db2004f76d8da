import KubeTestSupport
import KubeYAML
import Testing

@testable import KubeDiff

/// Small pairs shaped like real upgrades: kube-prometheus (rules, dashboards), Argo CD (deep CRD schemas).
@Suite("Upgrade-shaped pairs")
struct UpgradeShapedTests {
    static func rule(_ expr: String) -> String {
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: node-exporter-rules, namespace: monitoring}
        spec:
          groups:
          - name: node-exporter
            rules:
            - alert: NodeFilesystemSpaceFillingUp
              expr: |
        \(expr.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
              for: 1h
        """
    }

    static func dashboard(_ unit: String) -> String {
        let panels = (1...12).map { index in
            "      {\"id\": \(index), \"type\": \"timeseries\", \"title\": \"Panel \(index)\", "
                + "\"fieldConfig\": {\"defaults\": {\"unit\": \"\(index == 7 ? unit : "short")\"}}}"
        }
        return """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: grafana-dashboard-nodes, namespace: monitoring}
            data:
              nodes.json: |-
                {
                  "title": "Node Exporter / Nodes",
                  "panels": [
            \(panels.joined(separator: ",\n"))
                  ]
                }
            """
    }

    @Test func promQLChangeReadsAsALineDiff() {
        let old = Self.rule(
            "(\n  node_filesystem_avail_bytes{job=\"node-exporter\"} / node_filesystem_size_bytes < 0.15\n)")
        let new = Self.rule(
            "(\n  node_filesystem_avail_bytes{job=\"node-exporter\"} / node_filesystem_size_bytes < 0.10\n)")
        let text = DiffTextRenderer().render(DiffFixture.diff(old, new))
        #expect(text.contains("spec.groups[0].rules[0].expr: 1 line removed, 1 line added"))
        #expect(
            text.contains(
                "      -  node_filesystem_avail_bytes{job=\"node-exporter\"} / node_filesystem_size_bytes < 0.15\n"))
        #expect(
            text.contains(
                "      +  node_filesystem_avail_bytes{job=\"node-exporter\"} / node_filesystem_size_bytes < 0.10\n"))
    }

    @Test func dashboardChangeIsOneJSONField() {
        let report = DiffFixture.diff(Self.dashboard("short"), Self.dashboard("bytes"))
        #expect(
            DiffFixture.fieldSummary(report) == ["data[\"nodes.json\"].panels[6].fieldConfig.defaults.unit modified"])
        let text = DiffTextRenderer().render(report)
        #expect(text.contains("~ data[\"nodes.json\"].panels[6].fieldConfig.defaults.unit: \"short\" → \"bytes\""))
    }

    /// An Argo CD-shaped CRD: `properties` nested `depth` levels, each with a description, an enum and a list.
    static func argoCRD(depth: Int, versions: [String], extra: String? = nil) -> String {
        func object(_ level: Int, _ indent: Int) -> [String] {
            let pad = String(repeating: " ", count: indent)
            var lines = [pad + "type: object", pad + "description: level \(level) settings", pad + "properties:"]
            if level < depth {
                lines.append(pad + "  child:")
                lines += object(level + 1, indent + 4)
            } else if let extra {
                lines += [pad + "  \(extra):", pad + "    type: string"]
            }
            lines += [
                pad + "  mode:", pad + "    type: string", pad + "    enum: [Sync, Hook, Skip]",
                pad + "  names:", pad + "    type: array", pad + "    items: {type: string}",
            ]
            return lines
        }
        var lines = [
            "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition",
            "metadata: {name: applications.argoproj.io}", "spec:", "  group: argoproj.io",
            "  names: {kind: Application, plural: applications, singular: application, listKind: ApplicationList}",
            "  scope: Namespaced", "  versions:",
        ]
        for version in versions {
            lines += [
                "  - name: \(version)", "    served: true", "    storage: \(version == "v1alpha1")", "    schema:",
                "      openAPIV3Schema:",
            ]
            lines += object(0, 8)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func deepSchemaChangeIsOnePropertyPath() throws {
        let old = Self.argoCRD(depth: 30, versions: ["v1alpha1"])
        let new = Self.argoCRD(depth: 30, versions: ["v1beta1", "v1alpha1"], extra: "retryBackoff")
        let report = DiffFixture.diff(old, new)
        let object = try #require(report.objects.first)
        let property = (["child"] + Array(repeating: "child", count: 29)).joined(separator: ".") + ".retryBackoff"
        #expect(object.schemaChanges.map(\.version) == ["v1alpha1"])
        #expect(object.schemaChanges.first?.entries == [.added(property: property, type: "string")])
        #expect(object.fields.contains { $0.path.description == "spec.versions[name=v1beta1]" && $0.kind == .added })
        #expect(object.findings.isEmpty)
    }
}
