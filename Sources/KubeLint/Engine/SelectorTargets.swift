import KubeModel
import KubeYAML

/// How the cross-resource rules report a selector that matches no pod template.
///
/// Linting one file of a repository, or manifests whose pods an operator creates, the workloads are simply not
/// in the input: a warning per selector would be noise. So a selector "matches nothing" only when the input
/// does hold pod templates in the namespaces it looks at and none of them match; when it holds none, the
/// finding is one info saying the target is not in the input. Rules call this in place of `sink.report`.
enum SelectorTargets {
    /// Whether the input holds any pod template in one of `namespaces`.
    static func hasCandidates(in namespaces: [String], _ context: LintContext) -> Bool {
        namespaces.contains { context.hasPods(in: $0) }
    }

    /// Reports that a selector of `object` matched nothing in `namespaces`: `message` as the rule's warning when
    /// there were candidates, otherwise an info that `what` could not be checked.
    static func reportNoMatch(
        _ object: ObjectRef, at node: YAMLNode?, in namespaces: [String], _ context: LintContext,
        into sink: inout FindingSink, message: String, what: String, hint: String? = nil, path: String? = nil
    ) {
        if hasCandidates(in: namespaces, context) {
            sink.report(object, at: node, message, hint: hint, path: path)
            return
        }
        let scope = namespaces.count == 1 ? "namespace \(namespaces[0])" : "the selected namespaces"
        sink.report(
            object, at: node,
            "no pod template of \(scope) is in the input: \(what) not checked",
            hint: "lint the workloads together with it (a folder, or several files); pods an operator creates are "
                + "never in the input",
            path: path, severity: .info)
    }
}
