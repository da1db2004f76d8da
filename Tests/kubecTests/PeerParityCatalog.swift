import Foundation
import KubeTestSupport

/// One built-in check of kube-linter, kube-score, Polaris or Checkov, as `Fixtures/peer-checks.json` records it:
/// the kubec id that covers it (`rule`), or why none does (`notCovered`).
struct PeerCheck: Decodable, Equatable {
    var tool: String
    var name: String
    var rule: String?
    var notCovered: String?
}

/// The audit list of the peers' checks, and `kubec rules --output json` read back, for the parity tests.
struct PeerParityCatalog {
    /// The tools audited, in the order docs/migration.md lists them.
    static let tools = ["kube-linter", "kube-score", "polaris", "checkov"]

    struct File: Decodable {
        var sources: [String: String]
        var checks: [PeerCheck]
    }

    /// A kubec id with its kind (`pipeline` for the ids of the stages before linting) and its equivalents.
    struct KubecRule {
        var id: String
        var kind: String
        var summary: String
        var equivalents: [String: [String]]
    }

    var sources: [String: String]
    var checks: [PeerCheck]
    var rules: [String: KubecRule]

    static func load() throws -> PeerParityCatalog {
        let path = RepositoryPaths.fixture("kubecTests", "peer-checks.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let run = try KubecProcess.run(["rules", "--output", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        var rules: [String: KubecRule] = [:]
        for entry in json?["rules"] as? [[String: Any]] ?? [] {
            guard let id = entry["id"] as? String else { continue }
            rules[id] = KubecRule(
                id: id, kind: entry["kind"] as? String ?? "", summary: entry["summary"] as? String ?? "",
                equivalents: entry["equivalents"] as? [String: [String]] ?? [:])
        }
        return PeerParityCatalog(sources: file.sources, checks: file.checks, rules: rules)
    }

    /// docs/migration.md: per tool, each check and the kubec id that covers it or the reason none does.
    func markdown() -> String {
        var out = """
            # Migrating from kube-linter, kube-score, Polaris and Checkov

            Generated from `Tests/kubecTests/Fixtures/peer-checks.json` and `kubec rules --output json` by \
            `PeerParityTests` (`KUBEC_RECORD_DOCS=1` rewrites it). Every built-in check of the four tools is \
            listed with the kubec id that covers it, or the reason none does. A `.kubec.yaml` may name a rule by \
            the foreign check name (`rules: {no-read-only-root-fs: off}`). Ids of kind `pipeline` come from the \
            stages before linting (see [rules.md](rules.md)).

            """
        for tool in Self.tools {
            let list = checks.filter { $0.tool == tool }.sorted { Self.precedes($0.name, $1.name) }
            let covered = list.filter { $0.rule != nil }.count
            out += "\n## \(tool)\n\n"
            out += "Source: \(sources[tool] ?? "").\n\n"
            out += "\(list.count) checks: \(covered) covered, \(list.count - covered) not covered.\n\n"
            out += "| \(tool) check | kubec rule | notes |\n|---|---|---|\n"
            for check in list {
                if let rule = check.rule {
                    let kind = rules[rule]?.kind == "pipeline" ? "pipeline: " : ""
                    out += "| `\(check.name)` | `\(rule)` | \(cell(kind + (rules[rule]?.summary ?? ""))) |\n"
                } else {
                    out += "| `\(check.name)` | — | \(cell(check.notCovered ?? "")) |\n"
                }
            }
        }
        return out
    }

    /// Check names in reading order: by name, except that ids ending in a number (`CKV_K8S_9`, `CKV_K8S_10`)
    /// sort by that number.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let (prefixA, numberA) = split(a)
        let (prefixB, numberB) = split(b)
        if prefixA == prefixB, let numberA, let numberB { return numberA < numberB }
        return a < b
    }

    private static func split(_ name: String) -> (String, Int?) {
        guard let underscore = name.lastIndex(of: "_"), let number = Int(name[name.index(after: underscore)...]) else {
            return (name, nil)
        }
        return (String(name[..<underscore]), number)
    }

    /// A table cell: pipes escaped so a summary cannot split the row.
    private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
