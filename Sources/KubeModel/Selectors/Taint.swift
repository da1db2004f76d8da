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
    }

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
    package func tolerates(_ taint: Taint) -> Bool {
        if !effect.rawValue.isEmpty, effect != taint.effect { return false }
        if !key.isEmpty, key != taint.key { return false }
        switch tolerationOperator {
        case .equal: return value == taint.value
        case .exists: return true
        case nil: return false
        }
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
    package func tolerate(_ taint: Taint) -> Bool { contains { $0.tolerates(taint) } }
}
