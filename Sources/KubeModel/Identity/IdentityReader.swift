import KubeYAML

/// Reads `apiVersion`, `kind`, `metadata.namespace` and `metadata.name`/`generateName` from a document.
package enum IdentityReader {
    package enum Outcome {
        case success(ResourceIdentity)
        case failure(Diagnostic)
    }

    package static let ruleID = "object-identity"

    package static func read(_ document: YAMLDocument) -> Outcome {
        let root = document.root
        guard root.isMapping else {
            return .failure(
                Diagnostic(
                    rule: ruleID, severity: .error,
                    message:
                        "a Kubernetes object must be a mapping, found a \(root.isSequence ? "sequence" : "scalar")",
                    range: root.range))
        }
        // One pass over the root's keys and one over metadata's, rather than a search per field (the last of
        // duplicate keys wins, as for a lookup): this runs on every document of the input.
        let (apiVersionNode, kindNode, metadata) = MappingKeys.values(of: root, "apiVersion", "kind", "metadata")
        guard let apiVersion = apiVersionNode?.text, !apiVersion.isEmpty else {
            return .failure(
                Diagnostic(
                    rule: ruleID, severity: .error, message: "Object 'apiVersion' is missing", range: root.range,
                    hint: "add apiVersion, e.g. apps/v1 or v1"))
        }
        guard let kind = kindNode?.text, !kind.isEmpty else {
            return .failure(
                Diagnostic(
                    rule: ruleID, severity: .error, message: "Object 'Kind' is missing", range: root.range,
                    hint: "add kind, e.g. Deployment"))
        }
        var nameNode, generateNameNode, namespaceNode: YAMLNode?
        if let metadata {
            (nameNode, generateNameNode, namespaceNode) = MappingKeys.values(
                of: metadata, "name", "generateName", "namespace")
        }
        let name = nameNode?.text ?? ""
        let generateName = generateNameNode?.text ?? ""
        let namespaced = !ClusterScopedKinds.contains(kind)
        var namespace: String? = nil
        if namespaced {
            let given = namespaceNode?.text ?? ""
            namespace = given.isEmpty ? "default" : given
        }
        if name.isEmpty, generateName.isEmpty {
            return .failure(
                Diagnostic(
                    rule: ruleID, severity: .error,
                    message: "metadata.name: Required value: name or generateName is required",
                    range: (metadata ?? root).range,
                    object: ObjectIdentity(apiVersion: apiVersion, kind: kind, namespace: namespace, name: ""),
                    path: "metadata.name", hint: "give the object a metadata.name"))
        }
        return .success(
            ResourceIdentity(
                apiVersion: apiVersion, kind: kind, namespace: namespace, name: name.isEmpty ? generateName : name,
                isGenerated: name.isEmpty))
    }

    /// The identity of a strategic-merge patch: what it names, with empty parts where a patch leaves them out
    /// (kustomize can target a patch by its `target:` instead of its name).
    package static func patchIdentity(_ document: YAMLDocument) -> ResourceIdentity {
        let root = document.root
        let kind = root["kind"]?.text ?? ""
        let metadata = root["metadata"]
        var namespace: String? = nil
        if !ClusterScopedKinds.contains(kind) {
            let given = metadata?["namespace"]?.text ?? ""
            namespace = given.isEmpty ? "default" : given
        }
        return ResourceIdentity(
            apiVersion: root["apiVersion"]?.text ?? "", kind: kind, namespace: namespace,
            name: metadata?["name"]?.text ?? "")
    }
}
