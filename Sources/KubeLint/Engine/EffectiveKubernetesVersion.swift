import KubeModel

/// The Kubernetes version a lint run checks against, decided in one place for every rule whose check changed
/// between versions.
///
/// `--kubernetes-version` (`LintConfiguration.kubernetesMinor`, handed to configurable rules) wins; without it,
/// the input's Cluster document (`spec.kubernetesVersion`) says; without either the result is nil and rules use
/// the newest version they know.
enum EffectiveKubernetesVersion {
    /// The minor version to check against: the flag's, else the Cluster document's, else nil.
    static func minor(configured: Int?, _ context: LintContext) -> Int? {
        configured ?? clusterMinor(context)
    }

    /// The minor version of the input's Cluster document (`kubernetesVersion: "1.29"` → 29); nil when the input
    /// has none.
    static func clusterMinor(_ context: LintContext) -> Int? {
        for position in context.manifestSet.index.byKind["Cluster"] ?? [] {
            guard case .cluster(let cluster) = context.object(at: position).kubeObject,
                let version = cluster.kubernetesVersion
            else { continue }
            let parts = version.split(separator: ".")
            if parts.count >= 2, parts[0] == "1" || parts[0] == "v1", let minor = Int(parts[1]) { return minor }
        }
        return nil
    }
}
