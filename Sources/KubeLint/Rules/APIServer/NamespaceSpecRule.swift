import KubeModel
import KubeYAML

/// Namespaces (`ValidateNamespace`): each `spec.finalizers` entry is a qualified name, and one without a `/`
/// must be a standard finalizer. The name itself (a DNS label) is `invalid-object-name`'s.
package struct NamespaceSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-namespace-spec",
        name: "Invalid Namespace Spec",
        summary: "Namespace spec.finalizers are qualified names, and unprefixed ones are standard finalizers",
        rationale: "The API server refuses the Namespace.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            spec:
              finalizers: [kubernetes, ↓cleanup, ↓example.com/]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            spec:
              finalizers: [kubernetes, example.com/cleanup]
            """,
        ])

    /// `IsStandardFinalizerName`: the finalizers Kubernetes itself handles.
    private static let standard: Set<String> = ["kubernetes", "orphan", "foregroundDeletion"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("Namespace", ["v1"]) {
            guard let list = object.spec?["finalizers"], list.isSequence else { continue }
            for item in list.items {
                guard let name = item.text else { continue }
                let errors = NameValidation.qualifiedName(name)
                for error in errors {
                    sink.fieldError(object, at: item, pathOf: list, .invalid(.string(name), error))
                }
                if errors.isEmpty, !name.contains("/"), !Self.standard.contains(name) {
                    sink.fieldError(object, at: item, pathOf: list,
                                    .invalid(.string(name), "name is neither a standard finalizer name nor is it fully qualified"),
                                    hint: "prefix the finalizer with a domain you own: example.com/cleanup")
                }
            }
        }
    }
}
