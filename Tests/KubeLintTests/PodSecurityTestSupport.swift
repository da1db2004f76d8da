import KubeLint
import KubeYAML

/// Builds inputs for the Pod Security admission tests: a namespace with Pod Security labels and a Pod in it.
enum PSA {
    static let rule = "pod-security-admission"

    /// A restricted-compliant pod spec (2-space indented under `spec:`), to break one field at a time.
    static let restrictedSpec = """
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: app
            image: app:1.0
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """

    /// A Namespace `shop` with `labels` (flow mapping body), then a Pod in it with `spec` (indented two spaces)
    /// and optional pod annotations (flow mapping body).
    static func input(labels: String, spec: String, annotations: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {\(labels)}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
          namespace: shop
        \(annotations.map { "  annotations: {\($0)}\n" } ?? "")spec:
        \(spec)
        """
    }

    /// `pod-security.kubernetes.io/enforce: LEVEL` and, with a version, `enforce-version`.
    static func enforce(_ level: String, _ version: String? = nil) -> String {
        "pod-security.kubernetes.io/enforce: \(level)"
            + (version.map { ", pod-security.kubernetes.io/enforce-version: \($0)" } ?? "")
    }

    /// The rule's findings for an input.
    static func findings(_ text: String, configuration: LintConfiguration = LintConfiguration()) -> [Diagnostic] {
        Lint.run(text, configuration: configuration).filter { $0.rule == rule }
    }

    /// The messages of the rule's findings.
    static func messages(_ text: String, configuration: LintConfiguration = LintConfiguration()) -> [String] {
        findings(text, configuration: configuration).map(\.message)
    }

    /// The messages for a pod spec in a namespace enforcing `level` (at `version`).
    static func enforced(_ level: String, _ version: String? = nil, spec: String, annotations: String? = nil) -> [String] {
        messages(input(labels: enforce(level, version), spec: spec, annotations: annotations))
    }
}
