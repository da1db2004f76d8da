import KubeModel
import KubeYAML

/// Loads and decodes the paths of a command, separating "could not read" (exit 2) from findings.
struct ManifestInput {
    var set: ManifestSet
    /// Paths that do not exist or cannot be read: the command cannot do its job.
    var inputErrors: [Diagnostic]
    var fileCount: Int

    static func load(_ paths: [String]) -> ManifestInput {
        let collected = InputCollector.collect(paths)
        let loaded = YAMLLoader.load(collected.inputs)
        let unreadable = loaded.diagnostics.filter { $0.rule == YAMLRuleID.unreadable }
        let context = YAMLLoader.load(InputCollector.kustomizationsBeside(collected.inputs)).documents
        var set = ManifestSet.decode(loaded, context: context)
        set.diagnostics.removeAll { $0.rule == YAMLRuleID.unreadable }
        return ManifestInput(set: set, inputErrors: collected.diagnostics + unreadable, fileCount: collected.inputs.count)
    }
}
