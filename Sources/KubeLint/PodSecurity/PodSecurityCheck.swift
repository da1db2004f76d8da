import KubeYAML

/// One failed Pod Security check: the plugin's reason and detail, and the fields that fail it.
struct PodSecurityViolation: Sendable {
    /// The check's id (`allowPrivilegeEscalation`).
    let checkID: String
    /// `ForbiddenReason` (`allowPrivilegeEscalation != false`).
    let reason: String
    /// `ForbiddenDetail` (`container "x" must set securityContext.allowPrivilegeEscalation=false`), may be empty.
    let detail: String
    /// The offending fields, the first being where the finding points; never empty.
    let nodes: [YAMLNode]

    /// `reason (detail)`, one item of the plugin's comma-separated list.
    var text: String { detail.isEmpty ? reason : "\(reason) (\(detail))" }
}

/// A Pod Security Standards check as the plugin registers it (`policy.Check`): an id, a level, and revisions by
/// the first policy version they apply to, each of which may replace baseline checks under `restricted`.
struct PodSecurityCheck: Sendable {
    /// One revision (`policy.VersionedCheck`).
    struct Revision: Sendable {
        /// The first policy version (1.N) this revision applies to.
        let minimumMinor: Int
        /// Baseline check ids this revision replaces when the level is restricted.
        var overrides: [String] = []
        let evaluate: @Sendable (PodSecurityPod, PodSecurityEnvironment) -> PodSecurityViolation?
    }

    let id: String
    /// `.baseline` or `.restricted`.
    let level: PodSecurityLevel
    let revisions: [Revision]

    /// The revision in force at a policy version, nil before the first.
    func revision(atMinor minor: Int) -> Revision? {
        revisions.last { $0.minimumMinor <= minor }
    }
}

/// What the checks need to know about the API server: the Kubernetes minor version it runs, for behaviour that
/// changed inside a revision rather than with a new one (image volumes under restricted from 1.33).
struct PodSecurityEnvironment: Sendable {
    let kubernetesMinor: Int
}

/// The checks of `k8s.io/pod-security-admission/policy` in one literal list, evaluated as its registry does.
enum PodSecurityRegistry {
    /// The newest Kubernetes minor version whose checks are listed here.
    static let newestMinor = 37

    static let checks: [PodSecurityCheck] =
        PodSecurityHostChecks.all + PodSecurityContainerChecks.all + PodSecurityProfileChecks.all
        + PodSecurityRestrictedChecks.all

    /// The highest first version of any revision: what `latest` means to a server that knows every check.
    static let maxMinimumMinor = checks.flatMap(\.revisions).map(\.minimumMinor).max() ?? 0

    /// The checks that apply to a level at a version, in the plugin's order (baseline ids sorted, then
    /// restricted ids sorted), with the revision in force. `latest` and versions newer than the server's
    /// newest revision use that newest one (`EvaluatePod` clamps to the registry's maximum, which a server
    /// emulating an older version lowers).
    static func revisions(
        for levelVersion: PodSecurityLevelVersion, kubernetesMinor: Int
    ) -> [(check: PodSecurityCheck, revision: PodSecurityCheck.Revision)] {
        guard levelVersion.level != .privileged else { return [] }
        let ceiling = min(maxMinimumMinor, kubernetesMinor)
        let minor = max(0, min(levelVersion.version.minor ?? ceiling, ceiling))
        return (levelVersion.level == .restricted ? restrictedTable : baselineTable)[minor]
    }

    /// The revisions in force per policy minor version, worked out once (index: the minor version).
    private static let baselineTable = (0...maxMinimumMinor).map { select(.baseline, minor: $0) }
    private static let restrictedTable = (0...maxMinimumMinor).map { select(.restricted, minor: $0) }

    private static func select(
        _ level: PodSecurityLevel, minor: Int
    ) -> [(check: PodSecurityCheck, revision: PodSecurityCheck.Revision)] {
        let levelVersion = PodSecurityLevelVersion(level, PodSecurityVersion(minor: minor))
        var selected: [(check: PodSecurityCheck, revision: PodSecurityCheck.Revision)] = []
        for check in checks {
            if check.level == .restricted, levelVersion.level != .restricted { continue }
            guard let revision = check.revision(atMinor: minor) else { continue }
            selected.append((check, revision))
        }
        if levelVersion.level == .restricted {
            let overridden = Set(selected.filter { $0.check.level == .restricted }.flatMap(\.revision.overrides))
            selected.removeAll { $0.check.level == .baseline && overridden.contains($0.check.id) }
        }
        func rank(_ level: PodSecurityLevel) -> Int { level == .baseline ? 0 : 1 }
        return selected.sorted {
            rank($0.check.level) != rank($1.check.level)
                ? rank($0.check.level) < rank($1.check.level)
                : Array($0.check.id.utf8).lexicographicallyPrecedes(Array($1.check.id.utf8))
        }
    }

    /// Every violation of a pod at a level and version, in the plugin's order.
    static func evaluate(
        _ pod: PodSecurityPod, _ levelVersion: PodSecurityLevelVersion, kubernetesMinor: Int
    ) -> [PodSecurityViolation] {
        let environment = PodSecurityEnvironment(kubernetesMinor: kubernetesMinor)
        return revisions(for: levelVersion, kubernetesMinor: kubernetesMinor).compactMap {
            $0.revision.evaluate(pod, environment)
        }
    }
}
