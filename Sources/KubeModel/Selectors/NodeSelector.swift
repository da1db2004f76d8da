import KubeYAML

/// `v1.NodeSelector`: terms that are ORed; a node matches when any term matches.
///
/// An empty list of terms matches no node (`nodeaffinity.NewNodeSelector`), as does a term with neither
/// expressions nor fields.
package struct NodeSelector: Hashable, Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var nodeSelectorTerms: [NodeSelectorTerm]

    package init(terms: [NodeSelectorTerm]) { nodeSelectorTerms = terms }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        nodeSelectorTerms = context.list(node, "nodeSelectorTerms")
    }

    /// Whether a node with these labels and this name matches some term.
    package func matches(labels: [String: String], nodeName: String) -> Bool {
        nodeSelectorTerms.contains { $0.matches(labels: labels, nodeName: nodeName) }
    }

    package static func == (lhs: NodeSelector, rhs: NodeSelector) -> Bool {
        lhs.nodeSelectorTerms == rhs.nodeSelectorTerms
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(nodeSelectorTerms) }
}

/// One term of a node selector: `matchExpressions` over labels and `matchFields` over fields, all ANDed.
package struct NodeSelectorTerm: Hashable, Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var matchExpressions: [NodeSelectorRequirement]
    /// Field requirements; the API allows only `metadata.name` with `In`/`NotIn`.
    package var matchFields: [NodeSelectorRequirement]

    package init(matchExpressions: [NodeSelectorRequirement] = [], matchFields: [NodeSelectorRequirement] = []) {
        self.matchExpressions = matchExpressions
        self.matchFields = matchFields
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        matchExpressions = context.list(node, "matchExpressions")
        matchFields = context.list(node, "matchFields")
    }

    /// True when the term has no requirement (and so matches nothing).
    package var isEmpty: Bool { matchExpressions.isEmpty && matchFields.isEmpty }

    /// Whether a node matches: every expression against its labels and every field against its name.
    package func matches(labels: [String: String], nodeName: String) -> Bool {
        if isEmpty { return false }
        for requirement in matchExpressions where !requirement.matches(labels) { return false }
        for requirement in matchFields {
            guard requirement.key == "metadata.name" else { return false }
            if !requirement.matches(["metadata.name": nodeName]) { return false }
        }
        return true
    }

    package static func == (lhs: NodeSelectorTerm, rhs: NodeSelectorTerm) -> Bool {
        lhs.matchExpressions == rhs.matchExpressions && lhs.matchFields == rhs.matchFields
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(matchExpressions)
        hasher.combine(matchFields)
    }
}
