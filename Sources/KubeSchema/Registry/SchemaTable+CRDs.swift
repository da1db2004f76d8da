import KubeModel
import KubeYAML

extension SchemaTable {
    /// Registers the `openAPIV3Schema` of every served version of every `CustomResourceDefinition` in the input,
    /// so custom resources in the same input validate against it.
    ///
    /// `apiextensions.k8s.io/v1` keeps a schema per version (`spec.versions[].schema`); `v1beta1` may also have
    /// one for all versions (`spec.validation`). A served version without a schema accepts any fields.
    mutating func addCustomResourceDefinitions(from manifests: [Manifest], diagnostics: inout [Diagnostic]) {
        for index in manifests.indices where manifests[index].identity.kind == "CustomResourceDefinition"
            && manifests[index].identity.apiVersion.hasPrefix("apiextensions.k8s.io/") {
            let manifest = manifests[index]
            let spec = manifest.node["spec"]
            guard let group = spec?["group"]?.string, let kind = spec?["names"]?["kind"]?.string else { continue }
            let shared = spec?["validation"]?["openAPIV3Schema"]
            var versions: [(name: String, schema: YAMLNode?)] = []
            for version in spec?["versions"].map({ Array($0.items) }) ?? [] {
                guard let name = version["name"]?.string, version["served"]?.bool != false else { continue }
                versions.append((name, version["schema"]?["openAPIV3Schema"] ?? shared))
            }
            if versions.isEmpty, let name = spec?["version"]?.string { versions.append((name, shared)) }
            for (version, schema) in versions {
                let key = KindKey(apiVersion: "\(group)/\(version)", kind: kind)
                let name = "\(kind).\(group)/\(version) (CustomResourceDefinition \(manifest.identity.name))"
                var compiler = JSONSchemaCompiler(table: self, dialect: .structural)
                let json = schema?.jsonValue() ?? .object([("x-kubernetes-preserve-unknown-fields", .bool(true))])
                guard json.members != nil else {
                    diagnostics.append(Diagnostic(
                        rule: SchemaRuleID.invalidSchema, severity: .error,
                        message: "openAPIV3Schema of \(key.apiVersion) \(kind) is not a mapping",
                        range: schema?.range, object: manifest.identity.objectIdentity))
                    continue
                }
                let root = compiler.compileRoot(json, name: name)
                self = compiler.table
                register(key, root: root)
            }
        }
    }
}
