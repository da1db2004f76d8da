import KubeYAML

/// Small field checks many workload rules share, in the API server's words.
enum SpecChecks {
    /// `ValidateNonnegativeField` for each key present in a mapping.
    static func nonNegative(_ mapping: YAMLNode?, _ keys: [String], _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let mapping, mapping.isMapping else { return }
        for key in keys {
            guard let node = mapping[key], let value = node.integral, value < 0 else { continue }
            sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than or equal to 0"))
        }
    }

    /// An enum field: `Unsupported value` when present and not one of `allowed`.
    static func oneOf(_ mapping: YAMLNode?, _ key: String, _ allowed: [String], _ object: ObjectRef,
                      _ sink: inout FindingSink) {
        guard let node = mapping?[key], !node.isNull, let text = node.text, !allowed.contains(text) else { return }
        sink.fieldError(object, at: node, .unsupported(.string(text), allowed))
    }

    /// `ValidatePositiveIntOrPercent` (+ `IsNotMoreThan100Percent` when asked); returns the value when valid.
    @discardableResult
    static func intOrPercent(_ node: YAMLNode?, max100: Bool, _ object: ObjectRef, _ sink: inout FindingSink) -> IntOrPercent? {
        guard let node, !node.isNull else { return nil }
        if let value = node.integer {
            if value < 0 {
                sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than or equal to 0"))
                return nil
            }
            return .int(Int(value))
        }
        let text = node.text ?? ""
        guard NameValidation.isPercent(text), let percent = Int(text.dropLast()) else {
            sink.fieldError(object, at: node, .invalid(.string(text), NameValidation.regexError(
                "a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")))
            return nil
        }
        if max100, percent > 100 {
            sink.fieldError(object, at: node, .invalid(.string(text), "must not be greater than 100%"))
        }
        return .percent(percent)
    }

    /// A validated int-or-percent.
    enum IntOrPercent {
        case int(Int)
        case percent(Int)

        var isZero: Bool {
            switch self {
            case .int(let value), .percent(let value): value == 0
            }
        }
    }

    /// `activeDeadlineSeconds` is forbidden in the templates of long-running workloads.
    static func noActiveDeadline(_ templateSpec: YAMLNode?, kind: String, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let node = templateSpec?["activeDeadlineSeconds"], !node.isNull else { return }
        sink.fieldError(object, at: node, .forbidden("activeDeadlineSeconds in \(kind) is not Supported"))
    }
}

extension YAMLNode {
    /// An integer scalar's value, read without the general resolver for plain decimals (the hot case);
    /// hex, octal and underscored forms fall back to `int`.
    var integer: Int64? {
        guard scalarType == .int, let text else { return nil }
        return Int64(text) ?? int
    }

    /// An integer, or a float with an integral value (`1e9`): JSON has one number type, and the API server
    /// reads `1e9` into an integer field as 1000000000.
    var integral: Int64? {
        if let integer { return integer }
        guard scalarType == .float, let value = number, value == value.rounded(), abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }
}
