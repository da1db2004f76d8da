import KubeModel
import KubeYAML

/// A replicas change on a workload that a HorizontalPodAutoscaler scales.
///
/// The autoscaler owns the replica count, so a `spec.replicas` change in the manifest resizes the workload
/// only until the autoscaler next acts, and removing `spec.replicas` lets client-side `kubectl apply` delete
/// the field, which the API server defaults to 1: the workload drops to one pod first (the Kubernetes docs'
/// "Migrating Deployments and StatefulSets to horizontal autoscaling" warns of exactly this).
enum AutoscalerCaveat {
    static let rule = ConsequenceRules.updateCaveat

    /// Autoscaler targets in a set: (namespace, group, kind, name) → the autoscaler's display name.
    static func targets(_ manifests: [Manifest]) -> [StorageKey: String] {
        var targets: [StorageKey: String] = [:]
        for manifest in manifests where manifest.identity.kind == "HorizontalPodAutoscaler" {
            guard let target = manifest.node["spec"]?["scaleTargetRef"], let kind = target["kind"]?.text,
                let name = target["name"]?.text
            else { continue }
            let apiVersion = target["apiVersion"]?.text ?? ""
            let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
            let key = StorageKey(group: group, kind: kind, namespace: manifest.identity.namespace, name: name)
            targets[key] = manifest.identity.objectIdentity.displayName
        }
        return targets
    }

    /// The caveat for one modified object, if its replicas changed and an autoscaler scales it.
    static func finding(for object: ObjectDiff, targets: [StorageKey: String]) -> Diagnostic? {
        guard let autoscaler = targets[object.identity.storageKey],
            let change = object.fields.first(where: { $0.path == FieldPath(keys: "spec", "replicas") })
        else { return nil }
        let message: String
        if change.kind == .removed {
            message =
                "spec.replicas removed while \(autoscaler) scales this \(object.identity.kind): "
                + "client-side kubectl apply deletes the field and the API server defaults it to 1, so it drops to 1 pod until the autoscaler acts"
        } else {
            message =
                "spec.replicas changed while \(autoscaler) scales this \(object.identity.kind): "
                + "the new count holds only until the autoscaler next acts"
        }
        return Diagnostic(
            rule: rule, severity: .warning, message: message, range: change.newRange ?? change.oldRange,
            object: object.identity.objectIdentity, path: "spec.replicas",
            hint: change.kind == .removed
                ? "first set spec.replicas to the current count with kubectl apply edit-last-applied, or use server-side apply"
                : "leave spec.replicas out of the manifest and let the autoscaler own it")
    }
}
