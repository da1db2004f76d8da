import Dispatch
import KubeEmit
import KubeModel
import KubePlan
import KubeYAML

/// One side of the diff compiled as `kubec compile` would: placed pods, Services with addresses, and the
/// output files (kube-proxy in iptables and nftables mode, NetworkPolicy rules, zones, nginx) by path.
struct CompiledSide: Sendable {
    var pods: [PlacementPlan.Pod]
    var services: [ServiceState]
    /// Output files by relative path.
    var files: [String: OutputFile]
    /// Findings of planning and emitting (not part of the diff; the manifest diff reports input problems).
    var diagnostics: [Diagnostic]

    /// The set with the cluster's documents added (its Nodes and `kind: Cluster`).
    ///
    /// Both sides are so compiled onto the same cluster; Nodes the set itself holds count too.
    static func withCluster(_ set: ManifestSet, cluster: ManifestSet) -> ManifestSet {
        var combined = set
        combined.files += cluster.files
        combined.diagnostics += cluster.diagnostics
        combined.documentCount += cluster.documentCount
        for manifest in cluster.manifests { combined.append(manifest) }
        return combined
    }

    /// Plans and emits a set.
    ///
    /// IPVS files are not compiled: they hold the same Services and endpoints as the iptables rules, which the
    /// diff already compares.
    static func compile(_ set: ManifestSet, seed: UInt64, pinnedTo running: CompiledSide? = nil) -> CompiledSide {
        var options = PlanOptions(seed: seed)
        for pod in running?.pods ?? [] {
            if let node = pod.node { options.pinned[pod.key] = PinnedPlacement(node: node, ip: pod.ip, ips: pod.ips) }
        }
        let result = Compilation.resolve(set, options: options)
        let emitted = CompileOutputs.emit(result, proxyMode: .iptables)
        // kube-proxy's nftables mode, compared alongside the iptables rules.
        let nftables = NFTablesEmitter().emit(result.state)
        var files: [String: OutputFile] = [:]
        for file in emitted.files + nftables.files { files[file.path] = file }
        return CompiledSide(
            pods: result.plan.pods, services: result.state.services, files: files,
            diagnostics: result.diagnostics + emitted.diagnostics + nftables.diagnostics)
    }
}

/// Compiles both sides and compares what they compile to.
package enum CompiledDiffer {
    /// The compiled diff of two manifest sets on the cluster described by `cluster`.
    ///
    /// `cluster` (Nodes and an optional `kind: Cluster`) is added to both sides. `path` is the `--cluster` path
    /// as given, for the report. `keepLines` keeps the rule lines themselves, not only their counts
    /// (`--verbose`).
    ///
    /// The old side is compiled first and the new side on top of it: pods that exist on both sides stay on
    /// their node with their IP (`PlanOptions.pinned`), since applying a change never moves running pods; only
    /// new pods are scheduled. The changed rule files are then compared on all cores.
    package static func compare(
        old: ManifestSet, new: ManifestSet, cluster: ManifestSet, path: String, seed: UInt64 = 0,
        keepLines: Bool = true
    ) -> CompiledDiff {
        let sets = [CompiledSide.withCluster(old, cluster: cluster), CompiledSide.withCluster(new, cluster: cluster)]
        let oldSide = CompiledSide.compile(sets[0], seed: seed)
        let newSide = CompiledSide.compile(sets[1], seed: seed, pinnedTo: oldSide)
        return compare(old: oldSide, new: newSide, path: path, keepLines: keepLines)
    }

    /// Compares two compiled sides.
    static func compare(old: CompiledSide, new: CompiledSide, path: String, keepLines: Bool) -> CompiledDiff {
        var diff = CompiledDiff(cluster: path)
        diff.pods = PodPlacementDiff.compare(old: old.pods, new: new.pods)
        diff.services = ServiceIPDiff.compare(old: old.services, new: new.services)
        var ruleFiles: [(node: String, file: String, path: String)] = []
        for path in Set(old.files.keys).union(new.files.keys).sorted() {
            let oldFile = old.files[path]
            let newFile = new.files[path]
            if oldFile?.contents == newFile?.contents { continue }
            let parts = path.split(separator: "/").map(String.init)
            if parts.count == 3, parts[0] == "nodes", RuleLines.files.contains(parts[2]) {
                ruleFiles.append((parts[1], parts[2], path))
            } else if parts.count == 2, parts[0] == "dns", path.hasSuffix(".zone") {
                if let change = ZoneLines.compare(zone: path, old: oldFile?.text ?? "", new: newFile?.text ?? "") {
                    diff.dns.append(change)
                }
            } else if path.hasSuffix("nginx.conf") {
                diff.routes += IngressRouteTable(oldFile?.text ?? "").compare(
                    to: IngressRouteTable(newFile?.text ?? ""))
            }
        }
        let files = ruleFiles
        let slots = ResultSlots<RuleFileChange?>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            slots.store(
                RuleLines.compare(
                    node: file.node, file: file.file, old: old.files[file.path]?.contents ?? [],
                    new: new.files[file.path]?.contents ?? [], keepLines: keepLines),
                at: index)
        }
        diff.rules = slots.values().compactMap { $0 }
        return diff
    }
}
