import KubeYAML

/// `metav1.LabelSelector`: `matchLabels` and `matchExpressions`, all of which must hold.
///
/// Semantics (`metav1.LabelSelectorAsSelector`): an *empty* selector (`{}`) matches every object; an absent
/// one is represented by the owning field being `nil`, and what that means is the owner's to say (a
/// NetworkPolicy peer or a PDB without selector selects nothing, a Deployment requires one). A requirement
/// with an unknown operator makes the whole selector invalid, and an invalid selector matches nothing.
package struct LabelSelector: Hashable, Sendable, KubeDecodable {
    /// The mapping the selector was decoded from (nil when built in code).
    package var node: YAMLNode?
    /// Exact label values (each is an `In` with one value).
    package var matchLabels: [String: String]
    /// Set-based requirements.
    package var matchExpressions: [LabelSelectorRequirement]

    package init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        matchLabels = context.stringMap(node, "matchLabels")
        matchExpressions = context.list(node, "matchExpressions")
    }

    /// True when the selector has no requirement at all, so it matches everything.
    package var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// True when some requirement has an operator the API does not know (the selector matches nothing).
    package var isInvalid: Bool { matchExpressions.contains { $0.knownOperator == nil } }

    /// Whether a set of labels satisfies every requirement.
    package func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for requirement in matchExpressions where !requirement.matches(labels) { return false }
        return true
    }

    /// The selector in `kubectl get -l` syntax, sorted by key: `app=web,tier in (a,b),!legacy`.
    package var selectorText: String {
        var parts: [(String, String)] = matchLabels.map { ($0.key, "\($0.key)=\($0.value)") }
        for requirement in matchExpressions { parts.append((requirement.key, requirement.selectorText)) }
        return parts.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.map(\.1).joined(separator: ",")
    }

    package static func == (lhs: LabelSelector, rhs: LabelSelector) -> Bool {
        lhs.matchLabels == rhs.matchLabels && lhs.matchExpressions == rhs.matchExpressions
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(matchLabels)
        hasher.combine(matchExpressions)
    }
}
