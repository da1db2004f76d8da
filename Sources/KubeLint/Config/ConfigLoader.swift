import KubeYAML

/// Reads `.kubec.yaml` with kubec's own loader, so config mistakes get positions like manifest ones.
package enum ConfigLoader {
    /// The rule id of problems in the config file (the CLI exits 2 on them).
    package static let ruleID = "config-invalid"

    /// Parses a config file's text; problems are `config-invalid` errors.
    package static func parse(_ file: SourceFile) -> (LintConfiguration, [Diagnostic]) {
        var configuration = LintConfiguration()
        configuration.source = file
        let load = YAMLLoader.load([file])
        var diagnostics = load.diagnostics.map { diagnostic -> Diagnostic in
            var copy = diagnostic
            copy.severity = .error
            return copy
        }
        guard let root = load.documents.first?.root else { return (configuration, diagnostics) }
        if root.isNull { return (configuration, diagnostics) }
        guard root.isMapping else {
            diagnostics.append(problem(root, "the config must be a mapping with `rules` and `exclude`"))
            return (configuration, diagnostics)
        }
        for (key, value) in root.pairs {
            switch key.text ?? "" {
            case "rules": readRules(value, &configuration, &diagnostics)
            case "exclude": readExcludes(value, &configuration, &diagnostics)
            case "checks": readChecks(value, &configuration, &diagnostics)
            case "podSecurity": readPodSecurity(value, &configuration, &diagnostics)
            default:
                diagnostics.append(problem(key, "unknown key '\(key.text ?? "")'; expected `rules`, `exclude`, `checks` or `podSecurity`"))
            }
        }
        enableConfiguredChecks(&configuration)
        return (configuration, diagnostics)
    }

    private static func readRules(_ node: YAMLNode, _ configuration: inout LintConfiguration,
                                  _ diagnostics: inout [Diagnostic]) {
        if node.isNull { return }
        guard node.isMapping else {
            diagnostics.append(problem(node, "`rules` must map rule ids to off, info, warning or error"))
            return
        }
        for (key, value) in node.pairs {
            guard let written = key.text else { continue }
            // Another linter's check name stands for the kubec rule that covers it.
            let id = RuleRegistry.ruleID(forName: written) ?? written
            // YAML 1.1 reads a plain `off` as false; accept it as meant.
            let word = value.scalarType == .bool ? (value.bool == false ? "off" : "on") : (value.text ?? "")
            let setting: LintConfiguration.RuleSetting? = switch word {
            case "off": .off
            case "on": .severity(RuleRegistry.description(of: id)?.severity ?? .warning)
            default: Severity(name: word).map { .severity($0) }
            }
            guard let setting else {
                diagnostics.append(problem(value, "rule '\(written)': expected off, info, warning or error, found '\(word)'"))
                continue
            }
            configuration.ruleSettings[id] = setting
            configuration.ruleSettingRanges[id] = key.range
        }
    }

    private static func readExcludes(_ node: YAMLNode, _ configuration: inout LintConfiguration,
                                     _ diagnostics: inout [Diagnostic]) {
        if node.isNull { return }
        guard node.isSequence else {
            diagnostics.append(problem(node, "`exclude` must be a list of path globs or {kind, namespace, name, rules}"))
            return
        }
        for item in node.items {
            if item.isScalar, let pattern = item.text {
                configuration.pathExcludes.append(.init(pattern: pattern, range: item.range))
                continue
            }
            guard item.isMapping else {
                diagnostics.append(problem(item, "an exclude entry is a path glob or a mapping"))
                continue
            }
            var entry = LintConfiguration.ObjectExclude(range: item.range)
            for (key, value) in item.pairs {
                switch key.text ?? "" {
                case "kind": entry.kind = value.text
                case "namespace": entry.namespace = value.text
                case "name": entry.name = value.text
                case "rules":
                    if value.isSequence {
                        entry.rules = value.items.compactMap(\.text)
                    } else if let text = value.text {
                        entry.rules = text.split(separator: ",").map { $0.trimmingSpaces }
                    }
                default:
                    diagnostics.append(problem(key, "unknown key '\(key.text ?? "")' in exclude; expected kind, namespace, name or rules"))
                }
            }
            configuration.objectExcludes.append(entry)
        }
    }

    /// `podSecurity: LEVEL[:VERSION]`, the level enforced in namespaces without a Pod Security label.
    private static func readPodSecurity(_ node: YAMLNode, _ configuration: inout LintConfiguration,
                                        _ diagnostics: inout [Diagnostic]) {
        guard let text = node.text, let value = PodSecurityLevelVersion(parsing: text) else {
            diagnostics.append(problem(node, "`podSecurity` must be privileged, baseline or restricted, optionally with "
                + ":latest or :v1.N (restricted:v1.30)"))
            return
        }
        configuration.podSecurity.defaultEnforce = value
    }

    static func problem(_ node: YAMLNode, _ message: String) -> Diagnostic {
        Diagnostic(rule: ruleID, severity: .error, message: message, range: node.range)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
