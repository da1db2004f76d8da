import KubeYAML

/// Compares two scalars by their resolved value, as the API server would see them after YAML decoding.
///
/// `0x10` and `16` are the same integer, `yes` and `true` the same boolean, `~` and `null` the same null;
/// `80` and `"80"` differ in type, which the diff reports as a type change rather than equal.
package enum ScalarComparison {
    /// The outcome of comparing two scalars.
    package enum Outcome: Sendable {
        case equal
        case differentValue
        case differentType
    }

    /// Compares two scalar nodes.
    @inline(__always)
    package static func compare(_ old: YAMLNode, _ new: YAMLNode) -> Outcome {
        let oldType = old.scalarType ?? .string
        let newType = new.scalarType ?? .string
        guard oldType == newType else { return .differentType }
        if oldType == .null { return .equal }
        guard let oldText = old.text else { return .differentValue }
        if new.textEquals(oldText) { return .equal }
        // Same type, different spelling: only numbers and booleans can still be equal.
        switch oldType {
        case .string, .null: return .differentValue
        case .int, .float, .bool:
            return equal(text: oldText, type: oldType, otherText: new.text ?? "", otherType: newType)
                ? .equal : .differentValue
        }
    }

    /// Whether two scalar texts of given types hold the same value.
    package static func equal(text: String, type: ScalarType, otherText: String, otherType: ScalarType) -> Bool {
        guard type == otherType else { return false }
        switch type {
        case .null: return true
        case .string: return text == otherText
        case .bool: return ScalarResolver.boolValue(text) == ScalarResolver.boolValue(otherText)
        case .int:
            guard let lhs = ScalarResolver.intValue(text), let rhs = ScalarResolver.intValue(otherText) else {
                return text == otherText
            }
            return lhs == rhs
        case .float:
            guard let lhs = ScalarResolver.doubleValue(text), let rhs = ScalarResolver.doubleValue(otherText) else {
                return text == otherText
            }
            return lhs == rhs || (lhs.isNaN && rhs.isNaN)
        }
    }
}
