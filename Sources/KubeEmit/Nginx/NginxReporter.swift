import KubePlan
import KubeYAML

/// Makes diagnostics about one Ingress, with its identity and position.
struct Reporter {
    let ingress: IngressState

    /// An error about the Ingress at `path`.
    func error(_ rule: String, _ path: String, _ message: String, range: SourceRange? = nil) -> Diagnostic {
        make(rule, .error, path, message, range: range)
    }

    /// A diagnostic of any severity about the Ingress at `path`, at `range` or the Ingress's own position.
    func make(_ rule: String, _ severity: Severity, _ path: String, _ message: String, range: SourceRange? = nil)
        -> Diagnostic
    {
        Diagnostic(
            rule: rule, severity: severity, message: message, range: range ?? ingress.source,
            object: ObjectIdentity(
                apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespace: ingress.namespace, name: ingress.name),
            path: path)
    }
}
