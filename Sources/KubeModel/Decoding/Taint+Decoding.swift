import KubeYAML

extension Taint: KubeDecodable {
    /// Decodes `{key, value, effect}`.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init(
            key: context.string(node, "key") ?? "", value: context.string(node, "value") ?? "",
            effect: TaintEffect(context.string(node, "effect") ?? ""))
        self.node = node
    }
}

extension Toleration: KubeDecodable {
    /// Decodes `{key, operator, value, effect, tolerationSeconds}`.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        key = context.string(node, "key") ?? ""
        operatorText = context.string(node, "operator") ?? ""
        value = context.string(node, "value") ?? ""
        effect = TaintEffect(context.string(node, "effect") ?? "")
        tolerationSeconds = context.int(node, "tolerationSeconds")
    }
}
