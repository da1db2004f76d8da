import Foundation
import KubeTestSupport
import Testing

/// The parity audit: every built-in check of kube-linter, kube-score, Polaris and Checkov (its `CKV_K8S_*` resource
/// checks) is either covered by a kubec id whose `equivalents` name it, or carries the reason it is not; and no rule
/// names a check the audit does not list.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct PeerParityTests {
    @Test func aCoveredCheckIsNamedByTheEquivalentsOfItsRule() throws {
        let catalog = try PeerParityCatalog.load()
        var wrong: [String] = []
        for check in catalog.checks {
            guard let id = check.rule else { continue }
            guard let rule = catalog.rules[id] else {
                wrong.append("\(check.tool)/\(check.name) → \(id): no such kubec id")
                continue
            }
            // The ids of the stages before linting carry no equivalents; naming one is enough.
            if rule.kind != "pipeline" && !(rule.equivalents[check.tool] ?? []).contains(check.name) {
                wrong.append("\(check.tool)/\(check.name) → \(id): the rule's equivalents do not name it")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func everyEquivalentNameIsAnAuditedCheckMappedToThatRule() throws {
        let catalog = try PeerParityCatalog.load()
        var listed: [String: PeerCheck] = [:]
        for check in catalog.checks { listed[check.tool + "/" + check.name] = check }
        var wrong: [String] = []
        for rule in catalog.rules.values.sorted(by: { $0.id < $1.id }) {
            for tool in PeerParityCatalog.tools {
                for name in rule.equivalents[tool] ?? [] {
                    let check = listed[tool + "/" + name]
                    if check == nil { wrong.append("\(rule.id): \(tool) has no check `\(name)`") }
                    if let check, check.rule != rule.id {
                        wrong.append("\(rule.id): \(tool)/\(name) is audited as \(check.rule ?? "not covered")")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func everyCheckHasEitherARuleOrAReason() throws {
        let catalog = try PeerParityCatalog.load()
        let unexplained = catalog.checks.filter { check in
            let hasRule = !(check.rule ?? "").isEmpty
            let hasReason = !(check.notCovered ?? "").isEmpty
            return hasRule == hasReason || !PeerParityCatalog.tools.contains(check.tool)
        }
        #expect(unexplained.isEmpty, "\(unexplained.map { "\($0.tool)/\($0.name)" })")
        let keys = catalog.checks.map { $0.tool + "/" + $0.name }
        #expect(Set(keys).count == keys.count, "a check is listed twice")
    }

    @Test func docsMigrationMarkdownIsTheGeneratedMap() throws {
        let path = RepositoryPaths.root + "/docs/migration.md"
        let generated = try PeerParityCatalog.load().markdown()
        if ProcessInfo.processInfo.environment["KUBEC_RECORD_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(committed == generated, "docs/migration.md is out of date: run with KUBEC_RECORD_DOCS=1")
    }
}
