/// Removed built-in APIs that pluto's table (`Generated/APIDeprecationTable.swift`) does not list, and what to
/// use where an API has no replacement apiVersion. Written by hand, unlike the generated table.
extension APIDeprecation {
    /// Alpha APIs removed without a deprecation period, so pluto never listed them.
    ///
    /// `InitializerConfiguration` (`admissionregistration.k8s.io/v1alpha1`, Kubernetes 1.7–1.13) went with the
    /// Initializers admission plugin in v1.14 (CHANGELOG-1.14: "the alpha Initializers feature … removed").
    static let supplement: [APIDeprecation] = [
        APIDeprecation(
            apiVersion: "admissionregistration.k8s.io/v1alpha1", kind: "InitializerConfiguration", deprecatedIn: nil,
            removedIn: 14, replacement: "", replacementAvailableIn: nil)
    ]

    /// What replaces a kind that has no successor apiVersion, for the finding's message.
    static let successorOfKind: [String: String] = [
        "PodSecurityPolicy":
            "Pod Security Admission (pod-security.kubernetes.io/* labels on the namespace) or a policy engine",
        "InitializerConfiguration": "a MutatingWebhookConfiguration (admission webhooks)",
    ]

    /// The "use …" part of a message: the replacement apiVersion, else the successor of the kind.
    var advice: String {
        if !replacement.isEmpty { return "use \(replacement)" }
        if let successor = Self.successorOfKind[kind] { return "no replacement API; use \(successor)" }
        return "there is no replacement API"
    }
}
