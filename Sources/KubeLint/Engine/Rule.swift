import KubeModel
import KubeYAML

/// A lint rule: a description and one check over the whole input.
///
/// Rules are stateless values listed in `RuleRegistry`. A check sees every object at once through
/// `LintContext` (built once per run), so a cross-resource rule never rescans the input, and reports into a
/// `FindingSink` that knows the rule's id; severity overrides and suppressions are applied by `Linter`.
package protocol Rule: Sendable {
    /// The rule's id, summary, severity and examples.
    static var description: RuleDescription { get }
    /// Reports every finding of the rule in the input.
    func check(_ context: LintContext, into sink: inout FindingSink)
}

extension Rule {
    /// The description of this rule's type.
    package var info: RuleDescription { Self.description }
}

/// One finding of a rule before severity overrides and suppressions.
package struct Finding: Sendable {
    /// The position in `LintContext.manifests` of the object the finding is about (nil: no object).
    package var manifest: Int?
    package var range: SourceRange?
    package var message: String
    package var path: String?
    package var hint: String?
    /// A severity other than the rule's default, for rules whose cases differ (nil: the rule's).
    package var severity: Severity?
    package var notes: [DiagnosticNote]
}

/// Collects the findings of one rule, and formats the API server's messages.
package struct FindingSink {
    package let context: LintContext
    package private(set) var findings: [Finding] = []

    package init(context: LintContext) {
        self.context = context
    }

    /// Reports a finding at a node of an object, with a free-form message.
    package mutating func report(
        _ object: ObjectRef, at node: YAMLNode?, _ message: String, hint: String? = nil, path: String? = nil,
        severity: Severity? = nil, notes: [DiagnosticNote] = []
    ) {
        findings.append(Finding(
            manifest: object.index, range: (node ?? object.manifest.node).range, message: message, path: path,
            hint: hint, severity: severity, notes: notes))
    }

    /// Reports an API-server style field error (`path: Invalid value: "x": detail`) at `node`.
    ///
    /// `node` is what the error is about when it exists; when it does not (a missing field), pass its parent
    /// as `node` and the field's key as `missingKey`, and the path is built from the parent's. `pathOf` names
    /// another node whose path the message uses (a label map for an error on one of its keys).
    package mutating func fieldError(
        _ object: ObjectRef, at node: YAMLNode?, pathOf pathNode: YAMLNode? = nil, missingKey: String? = nil,
        _ error: FieldError, hint: String? = nil, severity: Severity? = nil, notes: [DiagnosticNote] = []
    ) {
        let anchor = node ?? object.manifest.node
        var path = FieldPath.locate(pathNode ?? anchor, from: object.manifest.node) ?? ""
        if let missingKey { path = path.isEmpty ? missingKey : path + "." + missingKey }
        report(object, at: anchor, error.message(path: path), hint: hint, path: path, severity: severity, notes: notes)
    }

    /// The field path of a node inside an object.
    package func path(of node: YAMLNode, in object: ObjectRef) -> String {
        FieldPath.locate(node, from: object.manifest.node) ?? ""
    }
}

/// A manifest of the input and its position, as rules pass it to the sink.
package struct ObjectRef: Sendable {
    package var index: Int
    package var manifest: Manifest

    package init(index: Int, manifest: Manifest) {
        self.index = index
        self.manifest = manifest
    }

    /// The effective namespace (`default` when omitted; `""` for cluster-scoped kinds).
    package var namespace: String { manifest.identity.namespace ?? "" }
    package var name: String { manifest.identity.name }
    package var kind: String { manifest.identity.kind }
}
