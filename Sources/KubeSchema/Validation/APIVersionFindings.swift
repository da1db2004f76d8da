import KubeModel
import KubeYAML

/// Findings about an object's apiVersion as a whole: removed, deprecated, or with no schema at all.
enum APIVersionFindings {
    static func removed(_ entry: APIDeprecation, at node: YAMLNode, object: ObjectIdentity) -> Diagnostic {
        var message = "\(entry.apiVersion) \(entry.kind) was removed in Kubernetes v1.\(entry.removedIn ?? 0)"
        if let deprecated = entry.deprecatedIn { message += " (deprecated since v1.\(deprecated))" }
        message += "; \(entry.advice)"
        return Diagnostic(
            rule: SchemaRuleID.apiVersionRemoved, severity: .error, message: message, range: node.range,
            object: object, path: "apiVersion", hint: replacementHint(entry))
    }

    static func deprecated(_ entry: APIDeprecation, at node: YAMLNode, object: ObjectIdentity) -> Diagnostic {
        // The API server's deprecation warning, word for word (apiserver `deprecation.WarningMessage`).
        var message = "\(entry.apiVersion) \(entry.kind) is deprecated in v1.\(entry.deprecatedIn ?? 0)+"
        if let removed = entry.removedIn { message += ", unavailable in v1.\(removed)+" }
        if !entry.replacement.isEmpty { message += "; use \(entry.replacement) \(entry.kind)" }
        return Diagnostic(
            rule: SchemaRuleID.apiVersionDeprecated, severity: .warning, message: message, range: node.range,
            object: object, path: "apiVersion", hint: replacementHint(entry))
    }

    private static func replacementHint(_ entry: APIDeprecation) -> String? {
        guard !entry.replacement.isEmpty else { return nil }
        var hint = "change apiVersion to \(entry.replacement)"
        if let available = entry.replacementAvailableIn { hint += " (available since v1.\(available))" }
        return hint + "; the fields may differ between versions"
    }

    static func missingSchema(
        _ identity: ResourceIdentity, version: String, ignore: Bool, at node: YAMLNode, object: ObjectIdentity
    ) -> Diagnostic {
        guard BuiltInGroups.contains(identity.group) else {
            // A custom resource: its CRD is not in the input. Not checkable, but no mistake either.
            return Diagnostic(
                rule: SchemaRuleID.missing, severity: .warning,
                message: "\(identity.kind) in \(identity.apiVersion) is a custom resource whose CustomResourceDefinition "
                    + "is not in the input: not validated",
                range: node.range, object: object, path: "kind",
                hint: "add its CustomResourceDefinition to the input (any file of the given paths), or a folder of "
                    + "schemas with --schema-location")
        }
        return Diagnostic(
            rule: SchemaRuleID.missing, severity: ignore ? .warning : .error,
            message: "could not find schema for \(identity.kind) in \(identity.apiVersion) (Kubernetes \(version))",
            range: node.range, object: object, path: "kind",
            hint: "check apiVersion and kind against `kubectl api-resources` for Kubernetes \(version)"
                + (ignore ? "" : "; --ignore-missing-schemas makes this a warning"))
    }
}
