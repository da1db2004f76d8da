/// Kinds the API server stores without a namespace.
///
/// Everything else is namespaced, and an omitted `metadata.namespace` means `default` (as `kubectl apply`
/// without `-n` does).
package enum ClusterScopedKinds {
    package static let all: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "StorageClass", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleBinding", "IngressClass", "PriorityClass", "RuntimeClass", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "CSIDriver", "CSINode", "VolumeAttachment", "CertificateSigningRequest",
        "PodSecurityPolicy", "ComponentStatus", "FlowSchema", "PriorityLevelConfiguration", "Cluster",
        "ClusterIssuer", "IPAddress", "ServiceCIDR", "DeviceClass", "VolumeAttributesClass",
    ]

    /// Whether a kind is cluster-scoped.
    package static func contains(_ kind: String) -> Bool { all.contains(kind) }
}
