import KubeModel
import KubeYAML

/// Label keys (qualified names) and values (≤ 63 characters, label charset) on objects and pod templates.
package struct LabelSyntaxRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-label",
        name: "Invalid Label",
        summary: "Label keys are qualified names and values are valid label values",
        rationale: "The API server rejects the object (`metadata.labels: Invalid value`); selectors copied from such labels never match.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(kubeScore: ["label-values"]),
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              labels:
                ↓app name: web
                version: ↓"1.0 beta"
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels:
                    app: web
                    ↓example.com/: x
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              labels:
                app.kubernetes.io/name: web
                version: "1.0"
                empty: ""
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var known = KnownValidNames()
        for object in context.allObjects {
            check(object.labels, object, &known, &sink)
        }
        for entry in context.pods {
            check(entry.templateLabelsNode, entry.ref, &known, &sink)
        }
    }

    private func check(_ labels: YAMLNode?, _ object: ObjectRef, _ known: inout KnownValidNames, _ sink: inout FindingSink) {
        guard let labels, labels.isMapping else { return }
        for (key, value) in labels.pairs {
            if !known.contains(key) {
                let name = key.text ?? ""
                let errors = NameValidation.qualifiedName(name)
                for error in errors {
                    sink.fieldError(object, at: key, pathOf: labels, .invalid(.string(name), error))
                }
                if errors.isEmpty, key.isScalar { known.insert(name) }
            }
            guard value.isScalar, !value.isNull, !value.isValidLabelValueScalar, let text = value.text else { continue }
            for error in NameValidation.labelValue(text) {
                sink.fieldError(object, at: value, pathOf: labels, .invalid(.string(text), error))
            }
        }
    }
}
