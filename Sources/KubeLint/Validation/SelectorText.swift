import KubeModel
import KubeYAML

/// The first key of a selector's first non-empty part, to point at.
func firstEntry(_ selector: YAMLNode) -> YAMLNode {
    for key in ["matchLabels", "matchExpressions"] {
        if let part = selector[key] {
            if part.isMapping, let first = part.pairs.first { return first.key }
            if part.isSequence, let first = part.items.first { return first }
        }
    }
    return selector
}

/// A selector as JSON, as the API prints it in errors.
func selectorJSON(_ selector: LabelSelector?) -> String {
    guard let selector else { return "null" }
    var parts: [String] = []
    if !selector.matchLabels.isEmpty { parts.append("\"matchLabels\":" + FieldValue.map(selector.matchLabels).rendered) }
    if !selector.matchExpressions.isEmpty {
        let items = selector.matchExpressions.map { requirement in
            "{\"key\":\(FieldValue.quote(requirement.key)),\"operator\":\(FieldValue.quote(requirement.operatorText))"
                + (requirement.values.isEmpty ? "" : ",\"values\":[" + requirement.values.map(FieldValue.quote).joined(separator: ",") + "]")
                + "}"
        }
        parts.append("\"matchExpressions\":[" + items.joined(separator: ",") + "]")
    }
    return "{" + parts.joined(separator: ",") + "}"
}
