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
            if let key = keyNode, !key.isValidQualifiedNameScalar {
                for error in NameValidation.qualifiedName(key.text ?? "") {
                    sink.fieldError(object, at: key, .invalid(.string(key.text ?? ""), error))
                }
            }
            // `items` of a non-sequence is empty; read in place rather than copied into an array.
            guard let values else { continue }
            for value in values.items where value.isScalar && !value.isValidLabelValueScalar {
                for error in NameValidation.labelValue(value.text ?? "") {
                    sink.fieldError(object, at: value, .invalid(.string(value.text ?? ""), error))
                }
            }
        }
    }

    /// Label keys and values of a map (matchLabels, a Service selector, a nodeSelector).
    static func labelMap(_ node: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        for (key, value) in node.pairs {
            // Valid keys and values are told from their bytes in place; only the others are made into Strings.
            if !key.isValidQualifiedNameScalar {
                let name = key.text ?? ""
                for error in NameValidation.qualifiedName(name) {
                    sink.fieldError(object, at: key, pathOf: node, .invalid(.string(name), error))
                }
            }
            guard value.isScalar, !value.isNull, !value.isValidLabelValueScalar, let text = value.text else { continue }
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
        var result: [YAMLNode] = []
        forEachObjectSelector(spec, kind: kind) { result.append($0) }
        return result
    }

    /// Calls `body` with each of `objectSelectors`, in the same order, without collecting them.
    static func forEachObjectSelector(_ spec: YAMLNode?, kind: String, _ body: (YAMLNode) -> Void) {
        guard let spec, spec.isMapping else { return }
        func visit(_ selector: YAMLNode?) { if let selector, selector.isMapping { body(selector) } }
        switch kind {
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget":
            visit(spec["selector"])
        case "CronJob":
            visit(spec["jobTemplate"]?["spec"]?["selector"])
        case "NetworkPolicy":
            visit(spec["podSelector"])
            for direction in directions {
                guard let rules = spec[direction] else { continue }
                for rule in rules.items {
                    guard let peers = rule["from"] ?? rule["to"] else { continue }
                    for peer in peers.items {
                        visit(peer["podSelector"])
                        visit(peer["namespaceSelector"])
                    }
                }
            }
        default:
            break
        }
    }

    private static let directions = ["ingress", "egress"]
    private static let affinityKinds = ["podAffinity", "podAntiAffinity"]

    /// The pod affinity terms of a pod spec, required and preferred, each with its weighted wrapper.
    static func podAffinityTerms(_ podSpec: PodSpecNodes) -> [(term: YAMLNode, weighted: YAMLNode?)] {
        var result: [(YAMLNode, YAMLNode?)] = []
        forEachPodAffinityTerm(podSpec) { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each of `podAffinityTerms`, in the same order, without collecting them.
    static func forEachPodAffinityTerm(_ podSpec: PodSpecNodes, _ body: (_ term: YAMLNode, _ weighted: YAMLNode?) -> Void) {
        guard let affinityNode = podSpec.affinity else { return }
        for kind in affinityKinds {
            guard let affinity = affinityNode[kind] else { continue }
            if let required = affinity["requiredDuringSchedulingIgnoredDuringExecution"] {
                for term in required.items where term.isMapping { body(term, nil) }
            }
            if let preferred = affinity["preferredDuringSchedulingIgnoredDuringExecution"] {
                for weighted in preferred.items {
                    if let term = weighted["podAffinityTerm"], term.isMapping { body(term, weighted) }
                }
            }
        }
    }
}
