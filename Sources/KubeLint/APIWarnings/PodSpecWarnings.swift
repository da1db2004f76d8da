import KubeModel
import KubeYAML

/// The API server's warnings about lists of a pod spec that validation lets through: duplicate host aliases,
/// image pull secrets, env vars and ports, a negative grace period, and affinity terms without a selector
/// (`pkg/api/pod/warnings.go`).
enum PodSpecWarnings {
    typealias Warning = PodTemplateWarnings.Warning

    /// The warnings for a pod spec whose path is `path` (`spec`, `spec.template.spec`).
    static func warnings(_ spec: PodSpecNodes, _ containers: [ContainerNodes], prefix: String) -> [Warning] {
        var result: [Warning] = []
        // Paths are spelled out only for a warning: most pod specs have none.
        var path: String { prefix + "spec" }
        var hostAliases, gracePeriod: YAMLNode?
        if let node = spec.node {
            for (key, value) in node.pairs where key.isScalar {
                if key.textEquals("hostAliases") { hostAliases = value }
                if key.textEquals("terminationGracePeriodSeconds") { gracePeriod = value }
            }
        }
        result += duplicates(hostAliases, field: "ip", at: "\(path).hostAliases", what: "duplicate ip")
        let secrets = spec.imagePullSecrets?.sequenceItems ?? []
        result += duplicates(spec.imagePullSecrets, field: "name", at: "\(path).imagePullSecrets", what: "duplicate name")
        for (index, secret) in secrets.enumerated() where secret.isMapping && (secret["name"]?.text ?? "").isEmpty {
            result.append(Warning(node: secret["name"] ?? secret,
                                  text: "\(path).imagePullSecrets[\(index)].name: invalid empty name \"\""))
        }
        var ports: [String: [(path: String, hostIP: String, hostPort: Int64)]] = [:]
        let comparePorts = repeatsAny(containers.flatMap { $0.ports?.sequenceItems ?? [] }.compactMap { $0["containerPort"] })
        var previousList = ""
        var index = 0
        for container in containers {
            index = container.list == previousList ? index + 1 : 0
            previousList = container.list
            let hasEnv = repeatsAny((container.env?.sequenceItems ?? []).compactMap { $0["name"] })
            guard hasEnv || comparePorts else { continue }
            let at = "\(path).\(container.list)[\(index)]"
            if hasEnv { result += envWarnings(container, at: at) }
            if comparePorts { result += portWarnings(container, at: at, seen: &ports) }
        }
        if let node = gracePeriod, let value = node.int, value < 0 {
            result.append(Warning(node: node, text: "\(path).terminationGracePeriodSeconds: must be >= 0; negative values "
                + "are invalid and will be treated as 1"))
        }
        for kind in ["podAffinity", "podAntiAffinity"] {
            guard let affinity = spec.affinity?[kind] else { continue }
            var at: String { "\(path).affinity.\(kind)" }
            for (index, term) in (affinity["requiredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? []).enumerated() {
                result += nullSelector(term, term, "\(at).requiredDuringSchedulingIgnoredDuringExecution[\(index)].labelSelector")
            }
            for (index, item) in (affinity["preferredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? []).enumerated() {
                guard let term = item["podAffinityTerm"] else { continue }
                result += nullSelector(term, item,
                    "\(at).preferredDuringSchedulingIgnoredDuringExecution[\(index)].podAffinityTerm.labelSelector")
            }
        }
        return result
    }

    /// Whether two of the scalars have the same text: the cheap test before the warnings' own bookkeeping.
    private static func repeatsAny(_ nodes: [YAMLNode]) -> Bool {
        guard nodes.count > 1 else { return false }
        for later in 1..<nodes.count where nodes[..<later].contains(where: { $0.sameText(as: nodes[later]) }) {
            return true
        }
        return false
    }

    /// A second item of a list with the same value of `field` (the first one is fine).
    private static func duplicates(
        _ list: YAMLNode?, field: String, at: @autoclosure () -> String, what: String
    ) -> [Warning] {
        let items = list?.sequenceItems ?? []
        guard items.count > 1 else { return [] }
        var seen = Set<String>()
        var result: [Warning] = []
        for (index, item) in items.enumerated() {
            let value = item[field]?.text ?? ""
            if !seen.insert(value).inserted {
                result.append(Warning(node: item[field] ?? item, text: "\(at())[\(index)].\(field): \(what) \(GoQuote.quote(value))"))
            }
        }
        return result
    }

    /// An env var defined again in a way that `kubectl apply` may drop the earlier one.
    private static func envWarnings(_ container: ContainerNodes, at: String) -> [Warning] {
        let env = container.env?.sequenceItems ?? []
        guard env.count > 1 else { return [] }
        var seen = Set<String>()
        var result: [Warning] = []
        for (index, item) in env.enumerated() {
            let name = item["name"]?.text ?? ""
            guard !seen.insert(name).inserted else { continue }
            let value = item["value"]?.text ?? ""
            let reference = "$(\(name))"
            if item["valueFrom"] != nil || value == reference || !value.contains(reference) {
                result.append(Warning(node: item["name"] ?? item, text: "\(at).env[\(index)]: hides previous definition of "
                    + "\(GoQuote.quote(name)), which may be dropped when using apply"))
            }
        }
        return result
    }

    /// Container ports that repeat or shadow a port of this or an earlier container.
    private static func portWarnings(
        _ container: ContainerNodes, at: String, seen: inout [String: [(path: String, hostIP: String, hostPort: Int64)]]
    ) -> [Warning] {
        var result: [Warning] = []
        for (index, port) in (container.ports?.sequenceItems ?? []).enumerated() where port.isMapping {
            let here = "\(at).ports[\(index)]"
            let key = "\(port["containerPort"]?.int ?? 0)/\(port["protocol"]?.text ?? "TCP")"
            let hostIP = port["hostIP"]?.text ?? ""
            let hostPort = port["hostPort"]?.int ?? 0
            for other in seen[key] ?? [] {
                let text: String
                if hostIP == other.hostIP, hostPort == other.hostPort {
                    text = "\(here): duplicate port definition with \(other.path)"
                } else if hostPort == 0 || other.hostPort == 0 {
                    text = "\(here): overlapping port definition with \(other.path)"
                } else if hostPort == other.hostPort, hostIP.isEmpty != other.hostIP.isEmpty {
                    text = "\(here): dangerously ambiguous port definition with \(other.path)"
                } else {
                    continue
                }
                result.append(Warning(node: port["containerPort"] ?? port, text: text))
            }
            seen[key, default: []].append((here, hostIP, hostPort))
        }
        return result
    }

    /// An affinity term without a label selector, which selects no pod.
    private static func nullSelector(_ term: YAMLNode, _ anchor: YAMLNode, _ at: @autoclosure () -> String) -> [Warning] {
        guard term.isMapping, term["labelSelector"].map(\.isNull) ?? true else { return [] }
        return [Warning(node: term["labelSelector"] ?? anchor, text: "\(at()): a null labelSelector results in matching no pod")]
    }
}
