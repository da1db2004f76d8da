import KubeModel
import KubeYAML

/// Tolerations: operator Equal/Exists, an empty key only with Exists, no value with Exists, the effect enum,
/// tolerationSeconds only with NoExecute.
package struct TolerationRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-toleration",
        name: "Invalid Toleration",
        summary: "Tolerations use Equal/Exists correctly, a known effect, and tolerationSeconds only with NoExecute",
        rationale: "The API server rejects the pod template.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers: [{name: agent, image: agent:1.0}]
              tolerations:
              - key: dedicated
                operator: Exists
                value: ↓gpu
              - key: node.kubernetes.io/unreachable
                effect: ↓NoSchedule
                tolerationSeconds: 300
              - key: maintenance
                effect: ↓NoRun
              - operator: ↓Equal
                value: x
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers: [{name: agent, image: agent:1.0}]
              tolerations:
              - operator: Exists
              - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for toleration in entry.podSpec.tolerations?.sequenceItems ?? [] where toleration.isMapping {
                check(toleration, entry.ref, context, &sink)
            }
        }
    }

    private func check(_ toleration: YAMLNode, _ object: ObjectRef, _ context: LintContext, _ sink: inout FindingSink) {
        let key = toleration["key"]?.text ?? ""
        let operatorNode = toleration["operator"]
        let op = operatorNode?.text ?? ""
        let value = toleration["value"]?.text ?? ""
        let effectNode = toleration["effect"]
        let effect = effectNode?.text ?? ""
        let first = toleration.pairs.first?.key ?? toleration
        if let keyNode = toleration["key"], !key.isEmpty {
            for error in NameValidation.qualifiedName(key) { sink.fieldError(object, at: keyNode, .invalid(.string(key), error)) }
        }
        if key.isEmpty, op != "Exists" {
            sink.fieldError(object, at: operatorNode ?? first, pathOf: operatorNode ?? toleration,
                            missingKey: operatorNode == nil ? "operator" : nil,
                            .invalid(.string(op), "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
        }
        if toleration["tolerationSeconds"].map({ !$0.isNull }) == true, effect != "NoExecute" {
            sink.fieldError(object, at: effectNode ?? first, pathOf: effectNode ?? toleration,
                            missingKey: effectNode == nil ? "effect" : nil,
                            .invalid(.string(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"))
        }
        switch op {
        case "", "Equal":
            if let valueNode = toleration["value"] {
                for error in NameValidation.labelValue(value) {
                    sink.fieldError(object, at: valueNode, .invalid(.string(value), error))
                }
            }
        case "Exists":
            if !value.isEmpty, let valueNode = toleration["value"] {
                sink.fieldError(object, at: valueNode, pathOf: operatorNode,
                                .invalid(.string(value), "value must be empty when `operator` is 'Exists'"))
            }
        case "Gt", "Lt":
            if context.manifestSet.cluster.isEnabled(Toleration.comparisonOperatorsGate) {
                if Toleration.canonicalInteger(value) == nil {
                    sink.fieldError(object, at: toleration["value"] ?? operatorNode ?? first,
                                    pathOf: toleration["value"] ?? toleration, missingKey: toleration["value"] == nil ? "value" : nil,
                                    .invalid(.string(value), "value must be a valid integer when `operator` is '\(op)'"))
                }
            } else {
                sink.report(
                    object, at: operatorNode ?? first,
                    "operator \(op) needs the alpha feature gate \(Toleration.comparisonOperatorsGate) (Kubernetes v1.35+); "
                        + "with the gate off the API server refuses it (Unsupported value: \"\(op)\": supported values: "
                        + "\"Equal\", \"Exists\")",
                    hint: "if your cluster enables the gate, say so in the Cluster document: "
                        + "spec.featureGates: {\(Toleration.comparisonOperatorsGate): true}",
                    severity: .warning)
            }
        default:
            sink.fieldError(object, at: operatorNode ?? first, .unsupported(.string(op), ["Equal", "Exists"]))
        }
        if let effectNode, !effect.isEmpty, !["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect) {
            sink.fieldError(object, at: effectNode, .unsupported(.string(effect), ["NoExecute", "NoSchedule", "PreferNoSchedule"]))
        }
    }
}
