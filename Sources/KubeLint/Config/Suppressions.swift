import KubeModel
import KubeYAML

/// Applies `kubec.dev/ignore` annotations and config excludes, remembering which ones matched something so
/// that stale suppressions are reported (`unused-suppression`).
struct Suppressions {
    private struct Annotation {
        var rules: [String]
        var all: Bool
        var range: SourceRange
        var used: Set<String> = []
    }

    private let configuration: LintConfiguration
    private var annotations: [ObjectIdentity: Annotation] = [:]
    private var usedPaths = Set<Int>()
    private var usedObjects = Set<Int>()

    /// `annotations`: each object's `kubec.dev/ignore` value node, as `ignoreAnnotations(of:)` finds them.
    init(annotations found: [(object: ObjectRef, value: YAMLNode)], configuration: LintConfiguration) {
        self.configuration = configuration
        for (object, value) in found {
            guard let text = value.text else { continue }
            let rules = text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            annotations[object.identity.objectIdentity] = Annotation(
                rules: rules, all: rules.contains("all"), range: value.range)
        }
    }

    /// The `kubec.dev/ignore` annotations of some objects (the linter reads them window by window, while the
    /// objects' metadata is in cache).
    static func ignoreAnnotations(of objects: ArraySlice<ObjectRef>) -> [(object: ObjectRef, value: YAMLNode)] {
        objects.compactMap { object in object.annotations?[Linter.ignoreAnnotation].map { (object, $0) } }
    }

    /// Whether `suppresses` can say yes to anything (the linter asks it about each finding only then).
    var mayMatch: Bool {
        !configuration.pathExcludes.isEmpty || !configuration.objectExcludes.isEmpty || !annotations.isEmpty
    }

    /// Whether a diagnostic is suppressed (and records what suppressed it).
    mutating func suppresses(_ diagnostic: Diagnostic) -> Bool {
        if diagnostic.rule == ConfigLoader.ruleID { return false }
        if !configuration.pathExcludes.isEmpty, let file = diagnostic.range?.file,
            let index = configuration.pathExclude(for: file)
        {
            usedPaths.insert(index)
            return true
        }
        // Most runs have neither excludes nor annotations: no identity is hashed then.
        guard !configuration.objectExcludes.isEmpty || !annotations.isEmpty, let object = diagnostic.object else {
            return false
        }
        if let index = configuration.objectExcludes.firstIndex(where: { $0.matches(object, rule: diagnostic.rule) }) {
            usedObjects.insert(index)
            return true
        }
        guard var annotation = annotations[object] else { return false }
        if annotation.rules.contains(diagnostic.rule) {
            annotation.used.insert(diagnostic.rule)
        } else if annotation.all {
            annotation.used.insert("all")
        } else {
            return false
        }
        annotations[object] = annotation
        return true
    }

    /// Suppressions that matched nothing, as `unused-suppression` infos. Rules that did not run cannot have
    /// matched, so naming them is not reported.
    func unused(ranRules: Set<String>) -> [Diagnostic] {
        let id = UnusedSuppressionRule.description.id
        var result: [Diagnostic] = []
        for (object, annotation) in annotations.sorted(by: { $0.key < $1.key }) {
            for rule in annotation.rules where !annotation.used.contains(rule) {
                let message: String
                if rule == "all" {
                    message = "\(Linter.ignoreAnnotation): 'all' suppresses nothing: the object has no finding"
                } else if !Self.isKnown(rule) {
                    message = "\(Linter.ignoreAnnotation): unknown rule '\(rule)'"
                } else if ranRules.contains(rule) || RuleRegistry.description(of: rule) == nil {
                    message = "\(Linter.ignoreAnnotation): '\(rule)' suppresses nothing: the object has no such finding"
                } else {
                    continue
                }
                result.append(Diagnostic(
                    rule: id, severity: .info, message: message, range: annotation.range, object: object,
                    path: "metadata.annotations[\(Linter.ignoreAnnotation)]", hint: "remove it from the annotation"))
            }
        }
        for (index, exclude) in configuration.pathExcludes.enumerated() where !usedPaths.contains(index) {
            result.append(Diagnostic(
                rule: id, severity: .info, message: "exclude '\(exclude.pattern)' matches no finding",
                range: exclude.range, hint: "remove the entry from the config"))
        }
        for (index, exclude) in configuration.objectExcludes.enumerated() where !usedObjects.contains(index) {
            if let rules = exclude.rules, !rules.contains(where: { ranRules.contains($0) || RuleRegistry.description(of: $0) == nil }) {
                continue
            }
            let what = [exclude.kind, exclude.namespace.map { "namespace \($0)" }, exclude.name.map { "name \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            result.append(Diagnostic(
                rule: id, severity: .info, message: "exclude {\(what)} matches no finding",
                range: exclude.range, hint: "remove the entry from the config"))
        }
        for (rule, range) in configuration.ruleSettingRanges.sorted(by: { $0.key < $1.key }) where !Self.isKnown(rule) {
            result.append(Diagnostic(
                rule: id, severity: .info, message: "rules: unknown rule '\(rule)'", range: range,
                hint: "`kubec rules` lists the rule ids"))
        }
        return result
    }

    /// Rule ids kubec can report: the registry's and the other stages' families.
    static func isKnown(_ rule: String) -> Bool {
        if RuleRegistry.description(of: rule) != nil { return true }
        let prefixes = ["yaml-", "model-", "schema-", "object-", "input-", "config-", "pod-unschedulable"]
        return prefixes.contains { rule.hasPrefix($0) }
    }
}
