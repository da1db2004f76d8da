import KubeModel
import KubeYAML

/// Plain scalars in string-only maps (ConfigMap `data`, Secret `stringData`) that YAML 1.1, as kubectl reads
/// it, turns into booleans or numbers: `on`, `yes`, `no`, `0755`, `1.10`, `12345`.
///
/// The API server refuses the object (a JSON bool or number cannot go into a `map[string]string`). Labels,
/// annotations, env values and selectors get the model's `model-type-mismatch` finding instead.
package struct AmbiguousScalarRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "yaml-ambiguous-scalar",
        name: "YAML 1.1 Ambiguous Scalar",
        summary: "A plain scalar that YAML 1.1 reads as a boolean or number sits in a string-only map; quote it",
        rationale: "kubectl's YAML reader turns `on` into true and `0755` into 493; the API server then refuses the ConfigMap, or the value changes meaning.",
        kind: .bestPractice, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: flags
            data:
              FEATURE_X: ↓on
              MODE: ↓0755
              VERSION: ↓1.10
              NAME: web
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: flags
            data:
              FEATURE_X: "on"
              MODE: '0755'
              VERSION: "1.10"
              EMPTY: ""
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "ConfigMap") { check(object.node["data"], object, &sink) }
        for object in context.objects(ofKind: "Secret") { check(object.node["stringData"], object, &sink) }
    }

    private func check(_ map: YAMLNode?, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let map, map.isMapping else { return }
        for (key, value) in map.pairs where value.isPlain && !value.hasExplicitTag {
            guard let type = value.scalarType, type == .bool || type == .int || type == .float, let text = value.text else { continue }
            let reading = switch type {
            case .bool: "the boolean \(value.bool == true ? "true" : "false")"
            case .int: "the integer \(value.integer.map(String.init) ?? text)"
            default: "the number \(value.number.map { String($0) } ?? text)"
            }
            let ambiguous = ScalarResolver.isAmbiguous(text, type: type)
            sink.report(object, at: value,
                        "\(key.text ?? ""): the plain scalar \(text) is read as \(reading), not a string; quote it",
                        hint: ambiguous ? "write \"\(text)\" so it stays exactly as written" : "write \"\(text)\"",
                        path: sink.path(of: value, in: object))
        }
    }
}
