import KubeModel
import KubeYAML

/// The same object (group, kind, namespace, name) defined twice in the input.
package struct DuplicateObjectRule: Rule {
    package static let description = RuleDescription(
        id: "duplicate-object",
        name: "Duplicate Object",
        summary: "Two documents define the same group, kind, namespace and name",
        rationale: "`kubectl apply` applies both and the last one wins silently; usually a copy that was meant to be renamed.",
        kind: .crossResource, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data: {mode: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ↓settings
              namespace: default
            data: {mode: b}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: a
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: b
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // The model's index already groups by kind, namespace and name; only groups of two or more can clash.
        for (_, positions) in context.manifestSet.index.byKey where positions.count > 1 {
            var first: [String: ObjectRef] = [:]
            for position in positions.sorted() {
                let object = context.allObjects[position]
                guard !object.identity.isGenerated else { continue }
                let group = object.identity.group
                guard let earlier = first[group] else {
                    first[group] = object
                    continue
                }
                let node = object.metadata?["name"] ?? object.node
                sink.report(object, at: node,
                            "\(object.kind) \(object.namespace.isEmpty ? "" : object.namespace + "/")\(object.name) is already defined at \(earlier.node.file):\(earlier.node.location.line)",
                            hint: "rename one of them or remove the copy",
                            notes: [DiagnosticNote(message: "first definition", range: earlier.node.range)])
            }
        }
    }
}
