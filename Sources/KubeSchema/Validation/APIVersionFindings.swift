import KubeModel
import KubeYAML

/// Findings about an object's apiVersion as a whole: removed, deprecated, or with no schema at all.
enum APIVersionFindings {
    static func removed(_ entry: APIDeprecation, at node: YAMLNode, object: ObjectIdentity) -> Diagnostic {
        var message = "\(entry.apiVersion) \(entry.kind) was removed in Kubernetes v1.\(entry.removedIn ?? 0)"
        if let deprecated = entry.deprecatedIn { message += " (deprecated since v1.\(deprecated))" }
        message += "; use \(entry.replacement)"
        return Diagnostic(
            rule: SchemaRuleID.apiVersionRemoved, severity: .error, message: message, range: node.range,
            object: object, path: "apiVersion", hint: replacementHint(entry))
    }

    static func deprecated(_ entry: APIDeprecation, at node: YAMLNode, object: ObjectIdentity) -> Diagnostic {
        var message = "\(entry.apiVersion) \(entry.kind) is deprecated since Kubernetes v1.\(entry.deprecatedIn ?? 0)"
        if let removed = entry.removedIn { message += " and removed in v1.\(removed)" }
        message += "; use \(entry.replacement)"
        return Diagnostic(
            rule: SchemaRuleID.apiVersionDeprecated, severity: .warning, message: message, range: node.range,
            object: object, path: "apiVersion", hint: replacementHint(entry))
    }

    private static func replacementHint(_ entry: APIDeprecation) -> String {
        var hint = "change apiVersion to \(entry.replacement)"
        if let available = entry.replacementAvailableIn { hint += " (available since v1.\(available))" }
        return hint + "; the fields may differ between versions"
    }

    static func missingSchema(
        _ identity: ResourceIdentity, version: String, ignore: Bool, at node: YAMLNode, object: ObjectIdentity
    ) -> Diagnostic {
        Diagnostic(
            rule: SchemaRuleID.missing, severity: ignore ? .warning : .error,
            message: "could not find schema for \(identity.kind) in \(identity.apiVersion) (Kubernetes \(version))",
            range: node.range, object: object, path: "kind",
            hint: identity.group.contains(".")
                ? "add its CustomResourceDefinition to the input, or a folder of schemas with --schema-location"
                    + (ignore ? "" : "; --ignore-missing-schemas makes this a warning")
                : "check apiVersion and kind against `kubectl api-resources` for Kubernetes \(version)")
    }
}
