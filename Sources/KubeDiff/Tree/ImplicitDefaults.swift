import KubeModel
import KubeYAML

/// The few API defaults the diff applies, so that writing a default out (or dropping it) is not a change.
///
/// Only defaults that hold unconditionally are here; anything depending on cluster state or feature gates
/// (imagePullPolicy from the tag, IP families, …) is left to show as a change. The list, which the README
/// repeats:
/// - `metadata.namespace` of a namespaced kind: `default` (as `kubectl apply` without `-n`);
/// - `spec.replicas` of Deployment, ReplicaSet, StatefulSet and ReplicationController: `1`;
/// - `spec.revisionHistoryLimit` of Deployment, StatefulSet and DaemonSet (apps/v1): `10`;
/// - `spec.podManagementPolicy` of StatefulSet: `OrderedReady`;
/// - `protocol` of a Service port and of a container port: `TCP`;
/// - `targetPort` of a Service port: the same as its `port`;
/// - `webhooks[].clientConfig.service.port` of admission webhook configurations: `443`.
package enum ImplicitDefaults {
    /// A default value: the scalar the API server stores when the field is omitted.
    package struct Value: Hashable, Sendable {
        package var text: String
        package var type: ScalarType
    }

    private static let historyKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet"]
    private static let replicatedKinds: Set<String> = [
        "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController",
    ]

    /// The default of the field at `path` in an object of `kind`, where `parent` is the mapping on the side
    /// that omits the field (a Service port's default `targetPort` is that side's `port`).
    package static func value(kind: String, path: FieldPath, parent: YAMLNode) -> Value? {
        let segments = path.segments
        guard case .key(let field)? = segments.last else { return nil }
        switch segments.count {
        case 2:
            if field == "namespace", path.hasPrefix(["metadata"]), !ClusterScopedKinds.contains(kind) {
                return Value(text: "default", type: .string)
            }
            guard path.hasPrefix(["spec"]) else { return nil }
            if field == "replicas", replicatedKinds.contains(kind) {
                return Value(text: "1", type: .int)
            }
            if field == "revisionHistoryLimit", historyKinds.contains(kind) {
                return Value(text: "10", type: .int)
            }
            if field == "podManagementPolicy", kind == "StatefulSet" {
                return Value(text: "OrderedReady", type: .string)
            }
            return nil
        default:
            break
        }
        if field == "port", kind.hasSuffix("WebhookConfiguration"), segments.count == 5, path.key(at: 0) == "webhooks",
            path.key(at: 2) == "clientConfig", path.key(at: 3) == "service"
        {
            return Value(text: "443", type: .int)
        }
        guard segments.count >= 3, case .key(let list) = segments[segments.count - 3], list == "ports" else {
            return nil
        }
        let portsPath = FieldPath(Array(segments.dropLast(2)))
        let isServicePort = kind == "Service" && portsPath == FieldPath(keys: "spec", "ports")
        let isContainerPort = MergeKey.forList(at: portsPath)?.fields.first == "containerPort"
        if field == "protocol", isServicePort || isContainerPort {
            return Value(text: "TCP", type: .string)
        }
        if field == "targetPort", isServicePort, let port = parent["port"], port.isScalar, !port.isNull {
            return Value(text: port.text ?? "", type: port.scalarType ?? .string)
        }
        return nil
    }

    /// Whether a present scalar equals a default value once both are resolved.
    package static func matches(_ node: YAMLNode, _ value: Value) -> Bool {
        guard node.isScalar, let type = node.scalarType, let text = node.text else { return false }
        return ScalarComparison.equal(text: text, type: type, otherText: value.text, otherType: value.type)
    }
}
