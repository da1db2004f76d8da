import KubeModel
import KubeYAML

/// Annotation keys (qualified names) and the 256 KiB total size limit.
package struct AnnotationSyntaxRule: ConfigurableRule {
    /// `TotalAnnotationSizeLimitB`.
    static let totalSizeLimit = 256 * 1024

    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-annotation",
        name: "Invalid Annotation",
        summary: "Annotation keys are qualified names and all annotations together stay under 256 KiB",
        rationale: "The API server rejects the object; a huge annotation usually means `kubectl apply` stored a large file in last-applied-configuration.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              annotations:
                ↓owner@team: ops
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              annotations:
                example.com/owner: "ops team"
                kubernetes.io/description: anything goes in values
            """,
        ])

    /// `--kubernetes-version`'s minor number: the size errors' wording changed in 1.32.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> AnnotationSyntaxRule {
        AnnotationSyntaxRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version whose API server wording the findings use.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var known = KnownValidNames()
        let minor = minor(context)
        for object in context.allObjects {
            check(object.annotations, object, minor, &known, &sink)
        }
        for entry in context.pods {
            check(entry.templateAnnotationsNode, entry.ref, minor, &known, &sink)
        }
    }

    private func check(_ annotations: YAMLNode?, _ object: ObjectRef, _ minor: Int, _ known: inout KnownValidNames,
                       _ sink: inout FindingSink) {
        guard let annotations, annotations.isMapping else { return }
        var total = 0
        for (key, value) in annotations.pairs {
            let name = key.text ?? ""
            total += name.utf8.count + (value.text?.utf8.count ?? 0)
            if known.contains(key) { continue }
            let errors = NameValidation.qualifiedName(name.lowercased())
            for error in errors {
                sink.fieldError(object, at: key, pathOf: annotations, .invalid(.string(name), error))
            }
            if errors.isEmpty, key.isScalar { known.insert(name) }
        }
        if total > Self.totalSizeLimit {
            sink.fieldError(object, at: annotations, APIServerChecks.tooLong(Self.totalSizeLimit, minor: minor))
        }
    }
}
