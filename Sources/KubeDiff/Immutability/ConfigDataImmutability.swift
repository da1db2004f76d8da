import Foundation
import KubeYAML

/// Immutable ConfigMaps and Secrets (`ValidateConfigMapUpdate`, `ValidateSecretUpdate`) and binding role
/// references (`ValidateRoleBindingUpdate`).
enum ConfigDataImmutability {
    static let message = "field is immutable when `immutable` is set"

    static func configMap(_ context: WorkloadChange) -> [Diagnostic] {
        guard context.old["immutable"]?.bool == true else { return [] }
        var findings = unsetImmutable(context)
        for field in ["data", "binaryData"] where context.changed(under: [field]) {
            findings.append(
                context.forbidden(
                    "\(field): Forbidden: \(message)", path: field, keys: [field],
                    notes: context.changeNotes(context.changes(under: [field]))))
        }
        return findings
    }

    /// Secrets: `type` never changes, and with `immutable: true` the data may not either.
    ///
    /// `stringData` is write-only sugar for `data`, so the two are merged (stringData wins) before comparing.
    static func secret(_ context: WorkloadChange) -> [Diagnostic] {
        var findings = context.immutableFields([["type"]])
        guard context.old["immutable"]?.bool == true else { return findings }
        findings += unsetImmutable(context)
        if effectiveData(context.old) != effectiveData(context.new) {
            let changes = context.changes(under: ["data"]) + context.changes(under: ["stringData"])
            findings.append(
                context.forbidden(
                    "data: Forbidden: \(message)", path: "data", keys: ["data"], notes: context.changeNotes(changes)))
        }
        return findings
    }

    static func roleRef(_ context: WorkloadChange) -> [Diagnostic] {
        guard context.changed(under: ["roleRef"]) else { return [] }
        return [
            context.forbidden(
                "roleRef: Invalid value: \(APIValueText.render(context.node(["roleRef"]))): cannot change roleRef",
                path: "roleRef", keys: ["roleRef"])
        ]
    }

    private static func unsetImmutable(_ context: WorkloadChange) -> [Diagnostic] {
        guard context.new["immutable"]?.bool != true else { return [] }
        return [context.forbidden("immutable: Forbidden: \(message)", path: "immutable", keys: ["immutable"])]
    }

    /// Key → bytes of a Secret as stored: `data` base64-decoded, overlaid with `stringData`.
    static func effectiveData(_ root: YAMLNode) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for (key, value) in pairs(root["data"]) {
            guard let name = key.text else { continue }
            let text = value.isNull ? "" : (value.text ?? "")
            result[name] = Data(base64Encoded: text).map { [UInt8]($0) } ?? Array(text.utf8)
        }
        for (key, value) in pairs(root["stringData"]) {
            guard let name = key.text else { continue }
            result[name] = Array((value.isNull ? "" : value.text ?? "").utf8)
        }
        return result
    }

    private static func pairs(_ node: YAMLNode?) -> [(key: YAMLNode, value: YAMLNode)] {
        guard let node else { return [] }
        return Array(node.pairs)
    }
}
