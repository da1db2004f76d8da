import KubeYAML

/// What a taint does to pods that do not tolerate it.
///
/// An open set: unknown values are kept as written.
package struct TaintEffect: Hashable, Sendable, CustomStringConvertible {
    package var rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    /// New pods that do not tolerate the taint are not scheduled.
    package static let noSchedule = TaintEffect("NoSchedule")
    /// The scheduler avoids the node when it can.
    package static let preferNoSchedule = TaintEffect("PreferNoSchedule")
    /// Running pods that do not tolerate the taint are evicted, and new ones are not scheduled.
    package static let noExecute = TaintEffect("NoExecute")
}

/// A node taint: `key=value:effect`.
package struct Taint: Hashable, Sendable, CustomStringConvertible {
    /// The mapping the taint was decoded from (nil when built in code; not part of equality).
    package var node: YAMLNode?
    package var key: String
    package var value: String
    package var effect: TaintEffect

    package init(key: String, value: String = "", effect: TaintEffect) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// `key=value:Effect`, or `key:Effect` without a value, as `kubectl describe node` prints taints.
    package var description: String {
        value.isEmpty ? "\(key):\(effect)" : "\(key)=\(value):\(effect)"
    }

    package static func == (lhs: Taint, rhs: Taint) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value && lhs.effect == rhs.effect
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
        hasher.combine(effect)
    }
}

/// A pod toleration.
package struct Toleration: Hashable, Sendable, CustomStringConvertible {
    /// `v1.TolerationOperator`; an empty operator means `Equal`.
    package enum Operator: String, Hashable, Sendable {
        case equal = "Equal"
        case exists = "Exists"
        /// Alpha since v1.35 (feature gate `TaintTolerationComparisonOperators`): the taint's value, read as an
        /// integer, is greater than the toleration's.
        case greaterThan = "Gt"
        /// Alpha since v1.35, the same gate: the taint's value is less than the toleration's.
        case lessThan = "Lt"
    }

    /// The feature gate that allows `Gt` and `Lt` (kube-apiserver validation and kube-scheduler matching).
    package static let comparisonOperatorsGate = "TaintTolerationComparisonOperators"

    /// The mapping the toleration was decoded from (nil when built in code; not part of equality).
    package var node: YAMLNode?
    /// Empty with `Exists` tolerates every taint.
    package var key: String
    /// The operator as written; empty means `Equal`.
    package var operatorText: String
    package var value: String
    /// Empty matches every effect.
    package var effect: TaintEffect
    /// For `NoExecute`: how long the pod stays bound after the taint appears; nil is forever.
    package var tolerationSeconds: Int?

    package init(
        key: String = "", operator op: Operator = .equal, value: String = "", effect: TaintEffect = TaintEffect(""),
        tolerationSeconds: Int? = nil
    ) {
        self.key = key
        operatorText = op.rawValue
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    /// The operator, with empty read as `Equal`; nil when unknown.
    package var tolerationOperator: Operator? { operatorText.isEmpty ? .equal : Operator(rawValue: operatorText) }

    /// kube's `Toleration.ToleratesTaint`: the effect matches (empty matches all), the key matches (empty
    /// matches all; validation only allows that with `Exists`), and either `Exists` or the values are equal.
    ///
    /// `Gt`/`Lt` compare the values as canonical decimal integers and match only with `comparisonOperators`
    /// (the feature gate is on); otherwise, or when either value is no such integer, they do not match.
    package func tolerates(_ taint: Taint, comparisonOperators: Bool = false) -> Bool {
        if !effect.rawValue.isEmpty, effect != taint.effect { return false }
        if !key.isEmpty, key != taint.key { return false }
        switch tolerationOperator {
        case .equal: return value == taint.value
        case .exists: return true
        case .greaterThan, .lessThan:
            guard comparisonOperators, let mine = Self.canonicalInteger(value),
                let theirs = Self.canonicalInteger(taint.value)
            else { return false }
            return tolerationOperator == .greaterThan ? theirs > mine : theirs < mine
        case nil: return false
        }
    }

    /// A decimal integer as the API server accepts it for `Gt`/`Lt`: optional `-`, no `+`, no leading zero,
    /// no `-0`, within 64 bits.
    package static func canonicalInteger(_ text: String) -> Int64? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if first == "0", digits.count > 1 || text.hasPrefix("-") { return nil }
        return Int64(text)
    }

    /// `key=value:Effect` style text for messages.
    package var description: String {
        let op = tolerationOperator == .exists ? " Exists" : "=\(value)"
        return "\(key.isEmpty ? "*" : key)\(op)\(effect.rawValue.isEmpty ? "" : ":\(effect)")"
    }

    package static func == (lhs: Toleration, rhs: Toleration) -> Bool {
        lhs.key == rhs.key && lhs.operatorText == rhs.operatorText && lhs.value == rhs.value
            && lhs.effect == rhs.effect && lhs.tolerationSeconds == rhs.tolerationSeconds
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(operatorText)
        hasher.combine(value)
        hasher.combine(effect)
        hasher.combine(tolerationSeconds)
    }
}

extension Array where Element == Toleration {
    /// Whether any toleration tolerates the taint (`v1helper.TolerationsTolerateTaint`).
    package func tolerate(_ taint: Taint, comparisonOperators: Bool = false) -> Bool {
        contains { $0.tolerates(taint, comparisonOperators: comparisonOperators) }
    }
}
