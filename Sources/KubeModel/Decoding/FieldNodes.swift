import KubeYAML

/// Where some fields of a decoded mapping were written: the key and value node of each, recorded in the decoding
/// pass over the mapping's pairs.
///
/// Lint findings point at a field's key or value; with the nodes recorded here, rules read them from the typed
/// value instead of scanning the mapping's keys again. Node ids in the mapping's own tree (-1 when the field is
/// absent), so that copying a decoded value retains nothing more. `Field` lists the fields recorded, at most 16.
package struct FieldNodes<Field: RawRepresentable & Sendable>: Sendable where Field.RawValue == Int {
    private var keys = SIMD16<Int32>(repeating: -1)
    private var values = SIMD16<Int32>(repeating: -1)

    package init() {}

    /// Records a field's key and value (the last of duplicate keys wins, as for the decoded value).
    @inline(__always)
    package mutating func record(_ field: Field, key: YAMLNode, value: YAMLNode) {
        keys[field.rawValue] = key.id
        values[field.rawValue] = value.id
    }

    /// The key node of a field of `mapping` (the node the fields were recorded from), nil when absent.
    package func key(_ field: Field, in mapping: YAMLNode?) -> YAMLNode? {
        let id = keys[field.rawValue]
        guard id >= 0, let mapping else { return nil }
        return mapping.tree.node(id)
    }

    /// The value node of a field of `mapping` (the node the fields were recorded from), nil when absent.
    package func value(_ field: Field, in mapping: YAMLNode?) -> YAMLNode? {
        let id = values[field.rawValue]
        guard id >= 0, let mapping else { return nil }
        return mapping.tree.node(id)
    }
}
