/// Looking rules up by the names other linters give their checks, so that a `.kubec.yaml` written by a team
/// moving from kube-linter, kube-score, Polaris or Checkov can keep the names it knows.
extension RuleRegistry {
    private static let byForeignName: [String: String] = {
        var table: [String: String] = [:]
        for rule in all.map(\.info) {
            for (_, names) in rule.equivalents.byTool {
                for name in names where table[name] == nil { table[name] = rule.id }
            }
        }
        return table
    }()

    /// The kubec rule id that covers a check of another linter, or nil.
    ///
    /// `wildcard-in-rules` and `CKV_K8S_49` give `rbac-wildcard`; a kubec id is returned unchanged. A foreign
    /// check may cover only part of its kubec rule (kube-linter's `host-network` and `host-pid` are both
    /// `host-namespaces`): a setting given by the foreign name applies to the whole rule.
    package static func ruleID(forName name: String) -> String? {
        description(of: name) != nil ? name : byForeignName[name]
    }
}
