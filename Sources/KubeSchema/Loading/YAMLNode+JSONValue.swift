import KubeYAML

extension YAMLNode {
    /// The node as a JSON value, typed the way sigs.k8s.io/yaml converts YAML to JSON (goyaml.v2 scalar types).
    ///
    /// Used for the small subtrees schemas come from (a CRD's `openAPIV3Schema`), never for whole documents.
    package func jsonValue(depth: Int = 0) -> JSONValue {
        guard depth < JSONParser.maxDepth else { return .null }
        switch kind {
        case .mapping:
            return .object(pairs.map { pair in (pair.key.text ?? "", pair.value.jsonValue(depth: depth + 1)) })
        case .sequence:
            return .array(items.map { $0.jsonValue(depth: depth + 1) })
        case .scalar:
            let text = self.text ?? ""
            switch scalarType {
            case .null?, nil: return .null
            case .bool?: return .bool(bool ?? false)
            case .int?, .float?: return .number(number ?? 0, text: text)
            case .string?: return .string(text)
            }
        }
    }
}
