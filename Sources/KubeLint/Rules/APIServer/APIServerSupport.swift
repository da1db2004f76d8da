import KubeModel
import KubeYAML

// What the rules of this folder share: which objects the API server would validate at all (only the served
// group/versions of a kind: a removed apiVersion is refused before validation, and a CRD kind with the same name
// in another group is not ours), map-key paths (`data[tls.crt]`, which FieldPath writes with dots), the
// path-segment name check of RBAC names and object references, and list values printed as the API prints them.

extension LintContext {
    /// The window's objects of a kind whose apiVersion is one of `versions` (`"policy/v1"`, `"v1"`).
    func served(_ kind: String, _ versions: [String]) -> [ObjectRef] {
        objects(ofKind: kind).filter { versions.contains($0.identity.apiVersion) }
    }
}

extension FindingSink {
    /// A field error whose path is given rather than found from a node (map keys: `data[key]`).
    mutating func fieldError(_ object: ObjectRef, at node: YAMLNode?, path: String, _ error: FieldError,
                             hint: String? = nil) {
        report(object, at: node, error.message(path: path), hint: hint, path: path)
    }
}

/// Small checks of apimachinery that several kinds of this folder use.
enum APIServerChecks {
    /// `path.IsValidPathSegmentName`: RBAC names, object-reference kinds and names, metric names.
    static func pathSegmentName(_ name: String) -> [String] {
        // Most names have no `/`, `%` or leading `.`: a byte scan answers without building strings.
        if name.utf8.first != UInt8(ascii: "."),
           !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%") }) { return [] }
        for illegal in [".", ".."] where name == illegal { return ["may not be '\(illegal)'"] }
        return ["/", "%"].filter { name.contains($0) }.map { "may not contain '\($0)'" }
    }

    /// The path of a key inside a map node, as `field.Path.Key` writes it: `data[tls.crt]`.
    static func keyPath(_ map: YAMLNode, _ key: String, in object: ObjectRef) -> String {
        (FieldPath.locate(map, from: object.node) ?? "") + "[" + key + "]"
    }

    /// The path of a child of `parent` that may be missing: `spec.roleRef.name`.
    static func childPath(_ parent: YAMLNode, _ key: String, in object: ObjectRef) -> String {
        let base = FieldPath.locate(parent, from: object.node) ?? ""
        return base.isEmpty ? key : base + "." + key
    }

    /// A list of strings as the API prints a non-scalar bad value (JSON): `["/healthz","/metrics"]`.
    static func list(_ node: YAMLNode) -> FieldValue {
        .raw("[" + node.items.map { FieldValue.quote($0.text ?? "") }.joined(separator: ",") + "]")
    }

    /// The non-null scalar text of a key, nil when absent or null.
    static func text(_ node: YAMLNode?, _ key: String) -> String? {
        guard let value = node?[key], !value.isNull else { return nil }
        return value.text
    }

    /// True when a key is present with a non-null value.
    static func isSet(_ node: YAMLNode?, _ key: String) -> Bool {
        guard let value = node?[key] else { return false }
        return !value.isNull
    }

    /// `field.TooLong`'s detail in the wording of the API server of `minor`: `may not be more than 1048576 bytes`
    /// from 1.32, `must have at most 1048576 bytes` before.
    ///
    /// Since Kubernetes 1.32 (kubernetes#128553) `TooLong` and `TooLongMaxLength` print the same detail and omit
    /// the value. Before, `TooLong` (ConfigMap and Secret data, annotations, IngressClass controller, StorageClass
    /// parameters) printed `must have at most N bytes` and `TooLongMaxLength` printed `may not be longer than N`.
    /// Newer releases say `byte` for a limit of one. Both omit the value.
    static func tooLong(_ limit: Int, minor: Int) -> FieldError {
        guard minor >= tooLongRewordedMinor else { return .tooLong("must have at most \(limit) bytes") }
        return .tooLong("may not be more than \(limit) \(limit == 1 ? "byte" : "bytes")")
    }

    /// The first minor version whose `field.TooLong` says `may not be more than` (kubernetes#128553).
    static let tooLongRewordedMinor = 32

    /// The size limit of a ConfigMap's or Secret's data (`core.MaxSecretSize`, 1 MiB).
    static let maxDataSize = 1 << 20

    /// A scalar's unescaped byte count, read from the tree without making a String (0 for collections).
    static func byteCount(_ node: YAMLNode) -> Int { node.isScalar ? Int(node.record.count) : 0 }

    /// True when a key scalar is a valid config key, checked on its bytes in place (the common case: no String
    /// is made unless the key is invalid).
    static func isValidConfigMapKey(_ key: YAMLNode) -> Bool {
        let record = key.record
        guard record.kind == .scalar, record.count > 0, record.count <= 253 else { return false }
        return key.tree.arena.withUnsafeBufferPointer { arena in
            let bytes = arena[Int(record.first)..<Int(record.first + record.count)]
            // ".", and anything starting with "..", is refused.
            if bytes.first == UInt8(ascii: "."), bytes.count == 1 || bytes.dropFirst().first == UInt8(ascii: ".") {
                return false
            }
            return bytes.allSatisfy { byte in
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
        }
    }

    /// `validation.IsConfigMapKey`: the keys of ConfigMap and Secret data.
    static func configMapKey(_ key: String) -> [String] {
        var errors: [String] = []
        if key.utf8.count > 253 { errors.append(NameValidation.maxLength(253)) }
        let allowed = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        if !allowed {
            errors.append(NameValidation.regexError(
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'", "[-._a-zA-Z0-9]+",
                "key.name", "KEY_NAME", "key-name"))
        }
        if key == "." {
            errors.append("must not be '.'")
        } else if key == ".." {
            errors.append("must not be '..'")
        } else if key.hasPrefix("..") {
            errors.append("must not start with '..'")
        }
        return errors
    }
}
