import KubeModel
import KubeYAML

/// `nodeSelector` labels and node affinity terms: non-empty terms, values per operator, Gt/Lt with exactly one
/// (integer) value, `matchFields` on `metadata.name` only, preferred weights 1–100.
package struct NodeSelectorRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-node-selector",
        name: "Invalid Node Selector",
        summary: "Node affinity requirements and nodeSelector labels are valid, Gt/Lt take one integer",
        rationale: "The API server rejects malformed terms; a Gt/Lt value that is not an integer is accepted but never matches a node.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers: [{name: main, image: cuda:12.6}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - key: gpu-count
                        operator: Gt
                        values: ↓["1", "2"]
                      - key: memory-class
                        operator: Lt
                        values: [↓large]
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: ↓0
                    preference:
                      matchFields: [{key: metadata.name, operator: In, values: [node-1]}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pinned
            spec:
              containers: [{name: main, image: nginx:1.27}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms: ↓[]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: gpu
            spec:
              containers: [{name: main, image: cuda:12.6}]
              nodeSelector: {kubernetes.io/os: linux}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - {key: gpu-count, operator: Gt, values: ["1"]}
                      - {key: zone, operator: In, values: [a, b]}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let spec = entry.podSpec
            if let nodeSelector = spec.nodeSelector, nodeSelector.isMapping {
                SelectorValidation.labelMap(nodeSelector, entry.ref, &sink)
            }
            guard let affinity = spec.affinity?["nodeAffinity"], affinity.isMapping else { continue }
            if let required = affinity["requiredDuringSchedulingIgnoredDuringExecution"], required.isMapping {
                let terms = required["nodeSelectorTerms"]
                if (terms?.count ?? 0) == 0 {
                    sink.fieldError(entry.ref, at: terms ?? required, missingKey: terms == nil ? "nodeSelectorTerms" : nil,
                                    .required("must have at least one node selector term"))
                }
                for term in terms?.sequenceItems ?? [] { checkTerm(term, entry.ref, &sink) }
            }
            for preferred in affinity["preferredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? [] {
                SelectorValidation.weight(preferred, entry.ref, &sink)
                if let preference = preferred["preference"] { checkTerm(preference, entry.ref, &sink) }
            }
        }
    }

    private func checkTerm(_ term: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        for requirement in term["matchExpressions"]?.sequenceItems ?? [] where requirement.isMapping {
            let values = requirement["values"]
            let count = values?.count ?? 0
            let missing = values == nil ? "values" : nil
            switch requirement["operator"]?.text ?? "" {
            case "In", "NotIn":
                if count == 0 {
                    sink.fieldError(object, at: values ?? requirement, missingKey: missing,
                                    .required("must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case "Exists", "DoesNotExist":
                if count > 0, let values {
                    sink.fieldError(object, at: values,
                                    .forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            case "Gt", "Lt":
                if count != 1 {
                    sink.fieldError(object, at: values ?? requirement, missingKey: missing,
                                    .required("must be specified single value when `operator` is 'Lt' or 'Gt'"))
                } else if let value = values?.items.first, Int64(value.text ?? "") == nil {
                    sink.fieldError(object, at: value, .invalid(.string(value.text ?? ""),
                                    "Gt and Lt compare integers; the scheduler never matches a node with this value"),
                                    severity: .warning)
                }
            default:
                let op = requirement["operator"]
                sink.fieldError(object, at: op ?? requirement, missingKey: op == nil ? "operator" : nil,
                                .invalid(.string(op?.text ?? ""), "not a valid selector operator"))
            }
            if let key = requirement["key"] {
                for error in NameValidation.qualifiedName(key.text ?? "") {
                    sink.fieldError(object, at: key, .invalid(.string(key.text ?? ""), error))
                }
            }
        }
        for requirement in term["matchFields"]?.sequenceItems ?? [] where requirement.isMapping {
            if let key = requirement["key"], key.text != "metadata.name" {
                sink.fieldError(object, at: key, .invalid(.string(key.text ?? ""), "not a valid field selector key"))
            }
            let op = requirement["operator"]?.text ?? ""
            if op == "In" || op == "NotIn" {
                let values = requirement["values"]
                if (values?.count ?? 0) != 1 {
                    sink.fieldError(object, at: values ?? requirement, missingKey: values == nil ? "values" : nil,
                                    .required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
                }
            } else {
                sink.fieldError(object, at: requirement["operator"] ?? requirement,
                                .invalid(.string(op), "not a valid selector operator"))
            }
        }
    }
}
