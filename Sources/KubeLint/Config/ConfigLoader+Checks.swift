import KubeYAML

/// Reading `checks:`, the parameters of the configurable rules (see `CheckSettings`).
extension ConfigLoader {
    /// The Service types the API knows, for `allowed-service-types`.
    private static let serviceTypes = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]

    static func readChecks(_ node: YAMLNode, _ configuration: inout LintConfiguration, _ diagnostics: inout [Diagnostic]) {
        if node.isNull { return }
        guard node.isMapping else {
            diagnostics.append(problem(node, "`checks` must map check settings (\(expectedKeys)) to their values"))
            return
        }
        for (key, value) in node.pairs {
            let name = key.text ?? ""
            switch name {
            case "minimum-replicas":
                guard value.scalarType == .int, let text = value.text, let count = Int(text), count >= 1 else {
                    diagnostics.append(problem(value, "checks.minimum-replicas: expected a whole number of at least 1"))
                    continue
                }
                configuration.checks.minimumReplicas = count
            case "required-labels":
                guard let list = requirements(value, name, &diagnostics) else { continue }
                configuration.checks.requiredLabels = list
            case "required-annotations":
                guard let list = requirements(value, name, &diagnostics) else { continue }
                configuration.checks.requiredAnnotations = list
            case "forbidden-annotations":
                guard let list = requirements(value, name, &diagnostics) else { continue }
                configuration.checks.forbiddenAnnotations = list
            case "hpa-maximum-replicas":
                guard value.scalarType == .int, let text = value.text, let count = Int(text), count >= 1 else {
                    diagnostics.append(problem(value, "checks.hpa-maximum-replicas: expected a whole number of at least 1"))
                    continue
                }
                configuration.checks.maximumHPAReplicas = count
            case "allowed-service-types":
                guard let types = serviceTypeList(value, &diagnostics) else { continue }
                configuration.checks.allowedServiceTypes = types
            default:
                diagnostics.append(problem(key, "unknown check setting '\(name)'; expected \(expectedKeys)"))
                continue
            }
            configuration.configuredChecks[name] = key.range
        }
    }

    private static var expectedKeys: String { CheckSettings.keys.map(\.key).joined(separator: ", ") }

    /// A list of `{key, value}` entries (a bare string is a key without a value pattern).
    private static func requirements(
        _ node: YAMLNode, _ setting: String, _ diagnostics: inout [Diagnostic]
    ) -> [CheckSettings.KeyRequirement]? {
        guard node.isSequence else {
            diagnostics.append(problem(node, "checks.\(setting): expected a list of {key, value} entries"))
            return nil
        }
        var result: [CheckSettings.KeyRequirement] = []
        var valid = true
        for item in node.items {
            if item.isScalar, let key = item.text, !key.isEmpty {
                result.append(.init(key: key))
                continue
            }
            guard item.isMapping, let keyNode = item["key"], let key = keyNode.text, !key.isEmpty else {
                diagnostics.append(problem(item, "checks.\(setting): each entry needs a non-empty `key`"))
                valid = false
                continue
            }
            var requirement = CheckSettings.KeyRequirement(key: key)
            for (field, fieldValue) in item.pairs {
                switch field.text ?? "" {
                case "key": continue
                case "value":
                    let source = fieldValue.text ?? ""
                    guard let pattern = ValuePattern(validating: source) else {
                        diagnostics.append(problem(
                            fieldValue, "checks.\(setting): '\(source)' is not a valid regular expression"))
                        valid = false
                        continue
                    }
                    requirement.value = pattern
                default:
                    diagnostics.append(problem(
                        field, "checks.\(setting): unknown key '\(field.text ?? "")'; expected key or value"))
                    valid = false
                }
            }
            result.append(requirement)
        }
        return valid ? result : nil
    }

    private static func serviceTypeList(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [String]? {
        let items = node.isSequence ? Array(node.items) : [node]
        var types: [String] = []
        for item in items {
            guard let type = item.text, serviceTypes.contains(type) else {
                diagnostics.append(problem(
                    item, "checks.allowed-service-types: expected one of \(serviceTypes.joined(separator: ", "))"))
                return nil
            }
            types.append(type)
        }
        return types
    }

    /// A check setting turns its rule on unless `rules:` says otherwise.
    static func enableConfiguredChecks(_ configuration: inout LintConfiguration) {
        for (key, rule) in CheckSettings.keys {
            guard let range = configuration.configuredChecks[key], configuration.ruleSettings[rule] == nil,
                  let description = RuleRegistry.description(of: rule)
            else { continue }
            configuration.ruleSettings[rule] = .severity(description.severity)
            configuration.ruleSettingRanges[rule] = range
        }
    }
}
