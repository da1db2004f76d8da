import KubeYAML

/// What the API server refuses in a CRD update, and what it accepts but breaks for objects already stored
/// (k8s.io/apiextensions-apiserver `pkg/apis/apiextensions/validation`).
///
/// Refused, word for word:
/// - `spec.group` and `spec.names.plural` are immutable (they make the resource's name);
/// - `spec.scope` and `spec.names.kind` are immutable once the CRD is established (any CRD already applied);
/// - a version that was the storage version is in `status.storedVersions`, which must stay a subset of
///   `spec.versions`: removing it fails with `status.storedVersions[0]: Invalid value: "v1": must appear in
///   spec.versions` until the stored objects are migrated and the status edited.
/// Accepted but breaking (warnings): a version no longer served (clients and manifests using it get 404s), and
/// a property that `required` now lists in a version that already existed (stored objects without it fail
/// validation on their next update).
enum CRDUpdateRules {
    static func check(_ context: WorkloadChange, schema: [CRDSchemaChanges]) -> [Diagnostic] {
        var findings = context.immutableFields([
            ["spec", "group"], ["spec", "names", "plural"], ["spec", "scope"], ["spec", "names", "kind"],
        ])
        let oldVersions = versions(context.old)
        let newVersions = versions(context.new)
        let kept = Set(newVersions.map(\.name))
        let group = context.new["spec"]?["group"]?.text ?? context.identity.name
        for version in oldVersions where !kept.contains(version.name) {
            if version.storage {
                findings.append(
                    context.refusal(
                        path: "spec.versions", node: context.new["spec"]?["versions"],
                        message:
                            "status.storedVersions[0]: Invalid value: \(DiffValue.quoted(version.name)): must appear in spec.versions",
                        hint: "migrate the stored objects to another version and drop \(version.name) from "
                            + "status.storedVersions before removing it"))
            } else if version.served {
                findings.append(
                    context.caveat(
                        "version \(version.name) is removed: requests for \(group)/\(version.name) fail with 404",
                        path: "spec.versions", keys: ["spec", "versions"],
                        hint: "check that no client or manifest still uses \(group)/\(version.name)"))
            }
        }
        let newByName = Dictionary(newVersions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for version in oldVersions where version.served {
            guard let now = newByName[version.name], !now.served else { continue }
            findings.append(
                context.caveat(
                    "version \(version.name) is no longer served: requests for \(group)/\(version.name) fail with 404",
                    path: "spec.versions[name=\(version.name)].served", keys: ["spec", "versions"],
                    hint: "check that no client or manifest still uses \(group)/\(version.name)"))
        }
        let existing = Set(oldVersions.map(\.name))
        for summary in schema where existing.contains(summary.version) {
            for case .nowRequired(let property) in summary.entries {
                findings.append(
                    context.caveat(
                        "spec.versions[name=\(summary.version)]: \(property) is now required: objects stored without "
                            + "it fail validation on their next update",
                        path: "spec.versions[name=\(summary.version)].schema", keys: ["spec", "versions"],
                        hint: "give it a default, or keep it optional until every stored object has it"))
            }
        }
        return findings
    }

    private struct Version {
        var name: String
        var served: Bool
        var storage: Bool
    }

    private static func versions(_ root: YAMLNode) -> [Version] {
        guard let list = root["spec"]?["versions"], list.isSequence else { return [] }
        return list.items.compactMap { item in
            guard let name = item["name"]?.text else { return nil }
            return Version(name: name, served: item["served"]?.bool ?? false, storage: item["storage"]?.bool ?? false)
        }
    }
}
