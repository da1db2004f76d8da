import KubeModel
import KubeYAML

/// `metav1validation.ValidateLabelSelector` and `ValidateLabels` on YAML nodes, shared by every rule that
/// meets a label selector (workloads, NetworkPolicies, PDBs, affinity terms, spread constraints).
enum SelectorValidation {
    /// Reports the problems of a label selector mapping.
    static func labelSelector(_ node: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard node.isMapping else { return }
        let (labels, expressions, _) = MappingKeys.values(of: node, "matchLabels", "matchExpressions")
        if let labels, labels.isMapping { labelMap(labels, object, &sink) }
        guard let expressions, expressions.isSequence else { return }
        for requirement in expressions.items where requirement.isMapping {
            let (keyNode, operatorNode, values) = MappingKeys.values(of: requirement, "key", "operator", "values")
            let op = operatorNode?.text ?? ""
            let count = values?.count ?? 0
            switch op {
            case "In", "NotIn":
                if count == 0 {
                    sink.fieldError(object, at: values ?? requirement, missingKey: values == nil ? "values" : nil,
                                    .required("must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case "Exists", "DoesNotExist":
                if count > 0, let values {
                    sink.fieldError(object, at: values,
                                    .forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            default:
                sink.fieldError(object, at: operatorNode ?? requirement,
                                missingKey: operatorNode == nil ? "operator" : nil,
                                .invalid(.string(op), "not a valid selector operator"),
                                hint: "use In, NotIn, Exists or DoesNotExist")
            }
            if let key = keyNode {
                for error in NameValidation.qualifiedName(key.text ?? "") {
                    sink.fieldError(object, at: key, .invalid(.string(key.text ?? ""), error))
                }
            }
            for value in values?.sequenceItems ?? [] where value.isScalar {
                for error in NameValidation.labelValue(value.text ?? "") {
                    sink.fieldError(object, at: value, .invalid(.string(value.text ?? ""), error))
                }
            }
        }
    }

    /// Label keys and values of a map (matchLabels, a Service selector, a nodeSelector).
    static func labelMap(_ node: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        for (key, value) in node.pairs {
            let name = key.text ?? ""
            for error in NameValidation.qualifiedName(name) {
                sink.fieldError(object, at: key, pathOf: node, .invalid(.string(name), error))
            }
            guard value.isScalar, !value.isNull, let text = value.text else { continue }
            for error in NameValidation.labelValue(text) {
                sink.fieldError(object, at: value, pathOf: node, .invalid(.string(text), error))
            }
        }
    }

    /// A weight that must be 1…100 (preferred affinity terms).
    static func weight(_ term: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let weight = term["weight"], let value = weight.integer else { return }
        if !(1...100).contains(value) {
            sink.fieldError(object, at: weight, .invalid(.int(Int(value)), "must be in the range 1-100"))
        }
    }
}

extension YAMLNode {
    /// Items of a node that is a sequence; nothing otherwise.
    var sequenceItems: [YAMLNode] { isSequence ? Array(items) : [] }
}

/// Where label selectors sit in objects, found from the YAML so every finding has a position.
enum SelectorSites {
    /// Every label selector mapping of an object, except the pod spec's affinity and spread ones.
    /// The kinds `objectSelectors` finds selectors in.
    static let selectorKinds = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget",
                                "CronJob", "NetworkPolicy"]

    static func objectSelectors(_ spec: YAMLNode?, kind: String) -> [YAMLNode] {
        guard let spec, spec.isMapping else { return [] }
        var result: [YAMLNode] = []
        switch kind {
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget":
            if let selector = spec["selector"] { result.append(selector) }
        case "CronJob":
            if let selector = spec["jobTemplate"]?["spec"]?["selector"] { result.append(selector) }
        case "NetworkPolicy":
            if let selector = spec["podSelector"] { result.append(selector) }
            for direction in ["ingress", "egress"] {
                for rule in spec[direction]?.sequenceItems ?? [] {
                    for peer in (rule["from"] ?? rule["to"])?.sequenceItems ?? [] {
                        if let selector = peer["podSelector"] { result.append(selector) }
                        if let selector = peer["namespaceSelector"] { result.append(selector) }
                    }
                }
            }
        default:
            break
        }
        return result.filter(\.isMapping)
    }

    /// The pod affinity terms of a pod spec, required and preferred, each with its weighted wrapper.
    static func podAffinityTerms(_ podSpec: PodSpecNodes) -> [(term: YAMLNode, weighted: YAMLNode?)] {
        var result: [(YAMLNode, YAMLNode?)] = []
        guard let affinityNode = podSpec.affinity else { return [] }
        for kind in ["podAffinity", "podAntiAffinity"] {
            guard let affinity = affinityNode[kind] else { continue }
            for term in affinity["requiredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? [] {
                result.append((term, nil))
            }
            for weighted in affinity["preferredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? [] {
                if let term = weighted["podAffinityTerm"] { result.append((term, weighted)) }
            }
        }
        return result.filter { $0.0.isMapping }
    }
}
