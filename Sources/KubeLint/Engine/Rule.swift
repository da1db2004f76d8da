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
    /// Whether the check may run window by window (default: it must see the whole input at once).
    static var scope: RuleScope { get }
    /// Reports every finding of the rule in the input.
    func check(_ context: LintContext, into sink: inout FindingSink)
    /// This rule as it runs under `configuration` (itself, unless it is a `ConfigurableRule`).
    func preparedForRun(_ configuration: LintConfiguration) -> any Rule
}

extension Rule {
    /// The description of this rule's type.
    package var info: RuleDescription { Self.description }
    package static var scope: RuleScope { .wholeInput }
    /// The scope of this rule's type.
    package var runScope: RuleScope { Self.scope }
    package func preparedForRun(_ configuration: LintConfiguration) -> any Rule { self }
}

/// How the linter may split a rule's check over the input.
///
/// Fifty rules each walking all of a large input read every object's nodes fifty times from memory; walking a
/// window of objects with every rule before moving on reads them once and keeps them in cache (a third of the
/// lint stage's time on 28,000 documents). A check that compares objects with each other cannot be split.
package enum RuleScope: Sendable {
    /// What the rule reports about an object it iterates depends only on that object and on the context's
    /// lookups (`object(kind:…)`, `pods(in:…)`), never on which other objects the same check iterated; the
    /// linter may run it on windows of the input and concatenate the findings.
    case perObject
    /// The rule compares the objects it iterates with each other (duplicates, conflicting claims).
    case wholeInput
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
    package private(set) var findings: [Finding] = []

    package init() {}

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

/// The objects at some manifest positions (ascending), each made when read: two words per object, no array of
/// them and no retain per object until a rule reads one.
package struct ObjectRefs: RandomAccessCollection, Sendable {
    let positions: ArraySlice<Int>
    let storage: ManifestStorage

    package var startIndex: Int { 0 }
    package var endIndex: Int { positions.count }

    package subscript(position: Int) -> ObjectRef {
        ObjectRef(index: positions[positions.startIndex + position], storage: storage)
    }
}

/// A manifest of the input and its position, as rules pass it to the sink: its index and the shared storage,
/// through which its root node, identity and typed value are read in place. Two words, so that passing one
/// around costs a single retain and the index needs no allocation per object.
package struct ObjectRef: Sendable {
    package let index: Int
    let storage: ManifestStorage

    init(index: Int, storage: ManifestStorage) {
        self.index = index
        self.storage = storage
    }

    /// The document root.
    package var node: YAMLNode { storage.manifests[index].document.root }
    /// True for kinds the model leaves generic (custom resources, kinds kubec does not decode).
    package var isGeneric: Bool { storage.manifests[index].object.isGeneric }

    // Identity and Service are read from the manifest rather than copied when the index is built: a copy
    // retains each of their strings and arrays, touching memory of every object that rules may never read
    // (measured: keeping a Service copy here made the lint stage 3% slower).
    package var identity: ResourceIdentity { _read { yield storage.manifests[index].identity } }
    /// The typed Service, for Services.
    package var service: Service? {
        if case .service(let service) = storage.manifests[index].object { return service }
        return nil
    }

    // The nodes are looked up when a rule asks, not when the index is built: building the index then touches
    // only the typed values, and the lookups happen while the linter's window has the object's nodes in cache.
    /// `metadata` and `spec`.
    package var metadata: YAMLNode? { node["metadata"] }
    package var spec: YAMLNode? { node["spec"] }
    /// `metadata.labels`, `metadata.annotations`, `metadata.name`, `metadata.generateName`, `metadata.namespace`.
    package var labels: YAMLNode? { metadata?["labels"] }
    package var annotations: YAMLNode? { metadata?["annotations"] }
    package var nameNode: YAMLNode? { metadata?["name"] }
    package var generateNameNode: YAMLNode? { metadata?["generateName"] }
    package var namespaceNode: YAMLNode? { metadata?["namespace"] }

    /// The whole manifest.
    package var manifest: Manifest { storage.manifests[index] }
    /// The typed value (`.generic` for kinds the model does not decode).
    /// Lent in place (`_read`): a getter would copy the whole typed object, a retain of each of its fields, for
    /// every rule that switches on it.
    package var kubeObject: KubeObject { _read { yield storage.manifests[index].object } }
    /// The effective namespace (`default` when omitted; `""` for cluster-scoped kinds).
    package var namespace: String { identity.namespace ?? "" }
    package var name: String { identity.name }
    package var kind: String { identity.kind }
}

