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
            manifest: object.index, range: (node ?? object.node).range, message: message, path: path,
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
        let anchor = node ?? object.node
        var path = FieldPath.locate(pathNode ?? anchor, from: object.node) ?? ""
        if let missingKey { path = path.isEmpty ? missingKey : path + "." + missingKey }
        report(object, at: anchor, error.message(path: path), hint: hint, path: path, severity: severity, notes: notes)
    }

    /// The field path of a node inside an object.
    package func path(of node: YAMLNode, in object: ObjectRef) -> String {
        FieldPath.locate(node, from: object.node) ?? ""
    }
}

/// The manifests of a run, shared by reference so that handing an object to a rule copies nothing big.
package final class ManifestStorage: Sendable {
    package let manifests: [Manifest]

    init(_ manifests: [Manifest]) { self.manifests = manifests }
}

/// A manifest of the input and its position, as rules pass it to the sink: its index, root node and
/// identity, with the typed value one hop away. A class, made once per manifest, so that passing one around
/// costs a single retain.
package final class ObjectRef: Sendable {
    package let index: Int
    /// The document root.
    package let node: YAMLNode
    package let identity: ResourceIdentity
    /// `metadata` and `spec`, looked up once (every rule starts there).
    package let metadata: YAMLNode?
    package let spec: YAMLNode?
    /// `metadata.labels` and `metadata.annotations`, found in the same pass.
    package let labels: YAMLNode?
    package let annotations: YAMLNode?
    /// `metadata.name`, `metadata.generateName` and `metadata.namespace` nodes, found in the same pass.
    package let nameNode: YAMLNode?
    package let generateNameNode: YAMLNode?
    package let namespaceNode: YAMLNode?
    /// True for kinds the model leaves generic (custom resources, kinds kubec does not decode).
    package let isGeneric: Bool
    /// The typed Service, for Services (five rules read it; reading `kubeObject` copies the whole value).
    package let service: Service?
    let storage: ManifestStorage

    init(index: Int, storage: ManifestStorage) {
        self.index = index
        self.storage = storage
        let node = storage.manifests[index].document.root
        self.node = node
        identity = storage.manifests[index].identity
        isGeneric = storage.manifests[index].object.isGeneric
        if case .service(let service) = storage.manifests[index].object {
            self.service = service
        } else {
            self.service = nil
        }
        var metadata: YAMLNode?
        var spec: YAMLNode?
        // Keys compared in place: making a String of every key was most of the cost of indexing an object.
        for (key, value) in node.pairs {
            if key.textEquals("metadata") {
                metadata = value
            } else if key.textEquals("spec") {
                spec = value
            }
        }
        var labels: YAMLNode?
        var annotations: YAMLNode?
        var name: YAMLNode?
        var generateName: YAMLNode?
        var namespace: YAMLNode?
        if let metadata {
            for (key, value) in metadata.pairs {
                if key.textEquals("name") {
                    name = value
                } else if key.textEquals("namespace") {
                    namespace = value
                } else if key.textEquals("labels") {
                    labels = value
                } else if key.textEquals("annotations") {
                    annotations = value
                } else if key.textEquals("generateName") {
                    generateName = value
                }
            }
        }
        self.metadata = metadata
        self.spec = spec
        self.labels = labels
        self.annotations = annotations
        nameNode = name
        generateNameNode = generateName
        namespaceNode = namespace
    }

    /// The whole manifest.
    package var manifest: Manifest { storage.manifests[index] }
    /// The typed value (`.generic` for kinds the model does not decode).
    package var kubeObject: KubeObject { storage.manifests[index].object }
    /// The effective namespace (`default` when omitted; `""` for cluster-scoped kinds).
    package var namespace: String { identity.namespace ?? "" }
    package var name: String { identity.name }
    package var kind: String { identity.kind }
}

