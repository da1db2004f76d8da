import KubeYAML

/// `networking.k8s.io/v1` IngressClass.
package struct IngressClass: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// `k8s.io/ingress-nginx` for ingress-nginx.
    package var controller: String
    /// The `ingressclass.kubernetes.io/is-default-class` annotation is `"true"`.
    package var isDefault: Bool

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        controller = context.mapping(node, "spec").flatMap { context.string($0, "controller") } ?? ""
        isDefault = metadata.annotations["ingressclass.kubernetes.io/is-default-class"] == "true"
    }
}
