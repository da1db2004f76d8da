import KubeYAML

/// One requirement of a label selector (`metav1.LabelSelectorRequirement`) or of a node selector term
/// (`v1.NodeSelectorRequirement`): a key, an operator and values.
///
/// Both APIs share the shape and the meaning of `In`, `NotIn`, `Exists` and `DoesNotExist`
/// (`labels.Requirement.Matches`); node selectors add `Gt` and `Lt`. `Vocabulary` says which operators a kind
/// of selector knows: an operator it does not know makes the requirement match nothing.
package struct SelectorRequirement<Vocabulary: SelectorVocabulary>: Hashable, Sendable, KubeDecodable {
    /// The operators of both selector kinds.
    package typealias Operator = SelectorOperator

    /// The mapping the requirement was decoded from (nil when built in code; not part of equality).
    package var node: YAMLNode?
    package var key: String
    /// The operator as written (kept even when unknown, for messages).
    package var operatorText: String
    package var values: [String]

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.key == rhs.key && lhs.operatorText == rhs.operatorText && lhs.values == rhs.values
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(operatorText)
        hasher.combine(values)
    }

    package init(key: String, operator op: Operator, values: [String] = []) {
        self.key = key
        operatorText = op.rawValue
        self.values = values
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        key = context.string(node, "key") ?? ""
        operatorText = context.string(node, "operator") ?? ""
        values = context.strings(node, "values")
    }

    /// The operator, nil when unknown to this kind of selector.
    package var knownOperator: Operator? {
        guard let op = Operator(rawValue: operatorText) else { return nil }
        return Vocabulary.hasNumericComparisons || !op.isNumericComparison ? op : nil
    }

    /// Whether labels satisfy the requirement (`labels.Requirement.Matches`).
    ///
    /// `Gt`/`Lt` need exactly one value and an integer label value, both parsed as 64-bit integers; anything
    /// else does not match. An unknown operator never matches.
    package func matches(_ labels: [String: String]) -> Bool {
        switch knownOperator {
        case .in:
            guard let value = labels[key] else { return false }
            return values.contains(value)
        case .notIn:
            guard let value = labels[key] else { return true }
            return !values.contains(value)
        case .exists:
            return labels[key] != nil
        case .doesNotExist:
            return labels[key] == nil
        case .gt, .lt:
            guard let text = labels[key], let have = Int64(text), values.count == 1, let limit = Int64(values[0])
            else { return false }
            return knownOperator == .gt ? have > limit : have < limit
        case nil:
            return false
        }
    }

    /// `key in (a,b)`, `key notin (a)`, `key`, `!key`, `key>1`, `key<1`.
    package var selectorText: String {
        let list = values.sorted().joined(separator: ",")
        switch knownOperator {
        case .in: return "\(key) in (\(list))"
        case .notIn: return "\(key) notin (\(list))"
        case .exists: return key
        case .doesNotExist: return "!\(key)"
        case .gt: return "\(key)>\(list)"
        case .lt: return "\(key)<\(list)"
        case nil: return "\(key) \(operatorText) (\(list))"
        }
    }
}

/// `metav1.LabelSelectorOperator` and `v1.NodeSelectorOperator`.
package enum SelectorOperator: String, Hashable, Sendable {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
    /// Node selectors only.
    case gt = "Gt"
    /// Node selectors only.
    case lt = "Lt"

    /// `Gt` and `Lt`.
    package var isNumericComparison: Bool { self == .gt || self == .lt }
}

/// Which operators a kind of selector knows.
package protocol SelectorVocabulary: Sendable {
    /// Whether `Gt` and `Lt` are operators of this kind of selector.
    static var hasNumericComparisons: Bool { get }
}

/// Label selectors: `In`, `NotIn`, `Exists`, `DoesNotExist`.
package enum LabelSelectorVocabulary: SelectorVocabulary {
    package static let hasNumericComparisons = false
}

/// Node selectors: the label selector's operators, `Gt` and `Lt`.
package enum NodeSelectorVocabulary: SelectorVocabulary {
    package static let hasNumericComparisons = true
}

/// One `matchExpressions` entry of a label selector.
package typealias LabelSelectorRequirement = SelectorRequirement<LabelSelectorVocabulary>

/// One requirement of a node selector term (`matchExpressions` or `matchFields`).
package typealias NodeSelectorRequirement = SelectorRequirement<NodeSelectorVocabulary>

extension SelectorRequirement where Vocabulary == LabelSelectorVocabulary {
    /// The operator of a label selector requirement, nil when unknown (`knownOperator`).
    package var labelOperator: Operator? { knownOperator }
}

extension SelectorRequirement where Vocabulary == NodeSelectorVocabulary {
    /// The operator of a node selector requirement, nil when unknown (`knownOperator`).
    package var nodeOperator: Operator? { knownOperator }
}
