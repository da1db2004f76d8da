import KubeModel
import KubeYAML

/// `metadata.name`, `metadata.generateName` and `metadata.namespace` syntax per kind, as the API server's
/// `ValidateObjectMeta` with each kind's name function checks them.
package struct ObjectNameRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-object-name",
        name: "Invalid Object Name",
        summary: "Object names follow their kind's DNS rule (RFC 1123 subdomain or label, RFC 1035 label for Services)",
        rationale: "The API server rejects the object; schema validation cannot see it because the schemas only say `string`.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ↓My_Config
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: ↓1-web
            spec:
              ports: [{port: 80}]
            """,
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: ↓db.primary
              namespace: ↓Prod
            """,
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: ↓nightly-database-backup-for-the-reporting-cluster-eu1
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: my.config-1
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              generateName: worker-
            """,
        ])

    /// The name rule of a kind; nil for kinds whose rule kubec does not know (custom resources, RBAC).
    static func validator(for kind: String) -> ((String) -> [String])? {
        switch kind {
        case "Service": NameValidation.dns1035Label
        case "StatefulSet", "Namespace": NameValidation.dns1123Label
        case "Pod", "Deployment", "ReplicaSet", "DaemonSet", "Job", "CronJob", "ConfigMap", "Secret", "ServiceAccount",
             "Node", "Ingress", "IngressClass", "NetworkPolicy", "PersistentVolumeClaim", "PersistentVolume",
             "HorizontalPodAutoscaler", "PodDisruptionBudget", "Endpoints", "EndpointSlice", "StorageClass",
             "PriorityClass", "ReplicationController", "LimitRange", "ResourceQuota", "CustomResourceDefinition":
            NameValidation.dns1123Subdomain
        default: nil
        }
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // The name rule of each kind, looked up once per kind rather than by a string switch per object.
        var validators: [String: ((String) -> [String])?] = [:]
        var knownNamespaces = KnownValidNames()
        for object in context.allObjects {
            guard let metadata = object.metadata, metadata.isMapping else { continue }
            // One pass over metadata's keys instead of a search per field (the last of duplicate keys wins, as
            // for a lookup).
            let (nameNode, generateNameNode, namespaceNode) = MappingKeys.values(
                of: metadata, "name", "generateName", "namespace")
            // Most names are valid under every kind's rule: told from their bytes, with no String, no lookup of
            // the kind's rule and no call of it (a name present and non-empty leaves generateName unread).
            if !(nameNode.map(Self.isValidForEveryKind) ?? false) {
                checkName(object, nameNode, generateNameNode, &validators, &sink)
            }
            // Namespaces repeat on every object of the input: one byte-equal to a valid one is valid.
            if let namespace = namespaceNode, !knownNamespaces.contains(namespace), let text = namespace.text,
               !text.isEmpty, !ClusterScopedKinds.contains(object.kind) {
                let errors = NameValidation.dns1123Label(text)
                for error in errors {
                    sink.fieldError(object, at: namespace, .invalid(.string(text), error))
                }
                if errors.isEmpty { knownNamespaces.insert(text) }
            }
        }
    }

    /// The name (or generateName) of one object checked with its kind's rule, looked up once per kind.
    private func checkName(
        _ object: ObjectRef, _ nameNode: YAMLNode?, _ generateNameNode: YAMLNode?,
        _ validators: inout [String: ((String) -> [String])?], _ sink: inout FindingSink
    ) {
        let validator: ((String) -> [String])?
        if let known = validators[object.kind] {
            validator = known
        } else {
            validator = Self.validator(for: object.kind)
            validators[object.kind] = .some(validator)
        }
        guard let validate = validator else { return }
        if let name = nameNode, let text = name.text, !text.isEmpty {
            var errors = validate(text)
            if object.kind == "CronJob", text.utf8.count > 52 {
                errors.insert(NameValidation.maxLength(52), at: 0)
            }
            for error in errors { sink.fieldError(object, at: name, .invalid(.string(text), error)) }
        } else if let generate = generateNameNode, let text = generate.text, !text.isEmpty {
            for error in validate(Self.maskTrailingDash(text)) {
                sink.fieldError(object, at: generate, .invalid(.string(text), error))
            }
        }
    }

    /// A scalar name that every kind's rule accepts: an RFC 1035 label (a lower-case letter first, no dots; the
    /// strictest rule, which passes the RFC 1123 label and subdomain rules too) of at most 52 bytes (CronJobs).
    package static func isValidForEveryKind(_ name: YAMLNode) -> Bool {
        name.withScalarBytes { bytes in
            guard let first = bytes.first, first >= 97, first <= 122, bytes.count <= 52, !bytes.contains(46) else {
                return false
            }
            return NameValidation.isSubdomain(bytes)
        } ?? false
    }

    /// apimachinery's `maskTrailingDash`: a generateName may end in `-` (a suffix follows).
    static func maskTrailingDash(_ name: String) -> String {
        guard name.utf8.count > 1, name.hasSuffix("-") else { return name }
        return String(name.dropLast()) + "a"
    }
}
