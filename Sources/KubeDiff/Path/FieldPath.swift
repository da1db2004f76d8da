/// One step of a field path: a mapping key, a list position, or a list item named by its merge key.
///
/// Keyed steps are how lists with a merge key (containers by `name`, ports by `containerPort` and `protocol`)
/// are addressed, so a path names the item whatever its position: `containers[name=web]`.
package enum FieldPathSegment: Hashable, Sendable {
    /// A key of a mapping.
    case key(String)
    /// A 0-based position in a list without a merge key.
    case index(Int)
    /// A list item identified by its merge-key fields, in the table's order (`name=web`).
    case item([KeyField])

    /// One `field=value` pair of a keyed list item.
    package struct KeyField: Hashable, Sendable {
        package var field: String
        package var value: String

        /// A `field=value` pair.
        package init(_ field: String, _ value: String) {
            self.field = field
            self.value = value
        }
    }
}

/// A field path inside an object, such as `spec.template.spec.containers[name=web].image`.
///
/// Rendered with dots between keys and brackets for list steps. A key that would read ambiguously (it holds
/// a dot, a bracket, a quote or is empty, as label keys like `app.kubernetes.io/name` do) is written
/// `["app.kubernetes.io/name"]`, the way `kubectl get -o jsonpath` quotes such keys.
package struct FieldPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The steps from the object root.
    package var segments: [FieldPathSegment]

    /// A path of the given steps.
    package init(_ segments: [FieldPathSegment] = []) {
        self.segments = segments
    }

    /// A path of plain keys: `FieldPath(keys: "spec", "selector")`.
    package init(keys: String...) {
        segments = keys.map { .key($0) }
    }

    /// The path with one more step.
    package func appending(_ segment: FieldPathSegment) -> FieldPath {
        FieldPath(segments + [segment])
    }

    /// Whether the path starts with the given plain keys.
    package func hasPrefix(_ keys: [String]) -> Bool {
        guard segments.count >= keys.count else { return false }
        for (index, key) in keys.enumerated() {
            guard case .key(let own) = segments[index], own == key else { return false }
        }
        return true
    }

    /// The plain key at a position, or nil when that step is a list step or past the end.
    package func key(at position: Int) -> String? {
        guard position < segments.count, case .key(let key) = segments[position] else { return nil }
        return key
    }

    /// The rendered path, as reports print it and `--ignore` reads it.
    package var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key):
                if Self.needsQuoting(key) {
                    text += "[\"" + Self.escape(key) + "\"]"
                } else {
                    if !text.isEmpty { text += "." }
                    text += key
                }
            case .index(let index):
                text += "[\(index)]"
            case .item(let fields):
                text += "[" + fields.map { "\($0.field)=\($0.value)" }.joined(separator: ",") + "]"
            }
        }
        return text
    }

    /// Orders paths by their rendering.
    package static func < (lhs: FieldPath, rhs: FieldPath) -> Bool { lhs.description < rhs.description }

    /// Whether a key must be quoted to read back unambiguously.
    static func needsQuoting(_ key: String) -> Bool {
        if key.isEmpty { return true }
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: " "),
                UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "*"):
                return true
            default:
                continue
            }
        }
        return false
    }

    private static func escape(_ key: String) -> String {
        guard key.contains("\"") || key.contains("\\") else { return key }
        var result = ""
        for character in key {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
