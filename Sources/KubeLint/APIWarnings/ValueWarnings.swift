import KubeModel
import KubeYAML

/// Warnings about values the API server accepts but cannot honour: fractional byte quantities (memory,
/// ephemeral-storage, volume storage), a container port with `hostIP` but no `hostPort` (`pkg/api/pod/warnings.go`),
/// and the deprecated storage-class annotation of a claim (`pkg/api/persistentvolumeclaim/util.go`).
enum ValueWarnings {
    typealias Warning = PodTemplateWarnings.Warning

    /// A byte quantity with a fraction (`1.5`, `100m` of memory): `MilliValue() % 1000 != 0`.
    static func fractionalBytes(_ node: YAMLNode?, path: @autoclosure () -> String) -> Warning? {
        guard let node, let text = node.text, let quantity = Quantity(text), quantity.milliValue % 1000 != 0 else {
            return nil
        }
        return Warning(node: node, text: "\(path()): fractional byte value \(GoQuote.quote(quantity.description)) is "
            + "invalid, must be an integer")
    }

    /// The container and pod-level warnings of a pod spec at `path` (`spec`, `spec.template.spec`): overhead,
    /// each container's memory and ephemeral-storage limits and requests, ports with `hostIP` alone, and the
    /// claim templates of ephemeral volumes.
    static func podSpec(_ spec: PodSpecNodes, _ containers: [ContainerNodes], path: String) -> [Warning] {
        var result: [Warning] = []
        let overhead = spec.node?["overhead"]
        for name in ["memory", "ephemeral-storage"] {
            if let warning = fractionalBytes(overhead?[name], path: "\(path).overhead[\(name)]") {
                result.append(warning)
            }
        }
        var previousList = ""
        var index = 0
        for container in containers {
            index = container.list == previousList ? index + 1 : 0
            previousList = container.list
            let (list, position) = (container.list, index)
            // Spelled out only for a warning: most containers have none.
            var at: String { "\(path).\(list)[\(position)]" }
            for name in ["memory", "ephemeral-storage"] {
                for kind in ["limits", "requests"] {
                    let node = container.resources?[kind]?[name]
                    if let warning = fractionalBytes(node, path: "\(at).resources.\(kind)[\(name)]") {
                        result.append(warning)
                    }
                }
            }
            for (portIndex, port) in (container.ports?.sequenceItems ?? []).enumerated() where port.isMapping {
                guard let hostIP = port["hostIP"], let ip = hostIP.text, !ip.isEmpty, (port["hostPort"]?.int ?? 0) == 0
                else { continue }
                // Go's `%+v` of the defaulted `ContainerPort`: field names, unquoted values.
                let number = port["containerPort"]?.int ?? 0
                let fields = "{Name:\(port["name"]?.text ?? "") HostPort:0 ContainerPort:\(number) "
                    + "Protocol:\(port["protocol"]?.text ?? "TCP") HostIP:\(ip)}"
                let text = "\(at).ports[\(portIndex)]: hostIP set without hostPort: \(fields)"
                result.append(Warning(node: hostIP, text: text))
            }
        }
        for (volumeIndex, volume) in (spec.volumes?.sequenceItems ?? []).enumerated() {
            guard let claim = volume["ephemeral"]?["volumeClaimTemplate"]?["spec"] else { continue }
            result += claimSpec(claim, path: "\(path).volumes[\(volumeIndex)].ephemeral.volumeClaimTemplate.spec")
        }
        return result
    }

    /// A claim spec's storage request and limit (`GetWarningsForPersistentVolumeClaimSpec`).
    static func claimSpec(_ spec: YAMLNode, path: String) -> [Warning] {
        ["requests", "limits"].compactMap { kind in
            fractionalBytes(spec["resources"]?[kind]?["storage"], path: "\(path).resources.\(kind)[storage]")
        }
    }

    /// A PersistentVolumeClaim: the beta storage-class annotation and its spec.
    static func persistentVolumeClaim(_ root: YAMLNode) -> [Warning] {
        var result: [Warning] = []
        let key = "volume.beta.kubernetes.io/storage-class"
        if let node = root["metadata"]?["annotations"]?.pair(forKey: key)?.key {
            result.append(Warning(node: node, text: "metadata.annotations[\(key)]: deprecated since v1.8; "
                + #"use "storageClassName" attribute instead"#))
        }
        if let spec = root["spec"] { result += claimSpec(spec, path: "spec") }
        return result
    }

    /// A StatefulSet's claim templates.
    ///
    /// On create the server's path skips the template's `spec` (`spec.volumeClaimTemplates[0].resources…`), as
    /// `statefulSetStrategy.WarningsOnCreate` builds it (its update path has `Spec`, capitalised).
    static func statefulSet(_ root: YAMLNode, minor: Int) -> [Warning] {
        var result: [Warning] = []
        for (index, template) in (root["spec"]?["volumeClaimTemplates"]?.sequenceItems ?? []).enumerated() {
            guard let spec = template["spec"] else { continue }
            result += claimSpec(spec, path: "spec.volumeClaimTemplates[\(index)]")
        }
        // kubernetes#129017 (1.33): a negative limit stays valid, so the strategy warns instead of refusing it.
        if minor >= 33, let limit = root["spec"]?["revisionHistoryLimit"], let value = limit.integer, value < 0 {
            result.append(Warning(node: limit, text: "spec.revisionHistoryLimit: a negative value retains all "
                + "historical revisions; a value >= 0 is recommended"))
        }
        return result
    }
}
