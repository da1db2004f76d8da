import KubeYAML

/// `policy/v1` PodDisruptionBudget.
package struct PodDisruptionBudget: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// Nil selects no pod; `{}` selects every pod of the namespace (policy/v1 semantics).
    package var selector: LabelSelector?
    package var minAvailable: IntOrString?
    package var maxUnavailable: IntOrString?
    /// `IfHealthyBudget` (default) or `AlwaysAllow`.
    package var unhealthyPodEvictionPolicy: String

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        let spec = context.mapping(node, "spec")
        selector = spec.flatMap { context.decode($0, "selector") }
        minAvailable = spec.flatMap { context.intOrString($0, "minAvailable") }
        maxUnavailable = spec.flatMap { context.intOrString($0, "maxUnavailable") }
        unhealthyPodEvictionPolicy =
            spec.flatMap { context.string($0, "unhealthyPodEvictionPolicy") }
            ?? "IfHealthyBudget"
    }
}
