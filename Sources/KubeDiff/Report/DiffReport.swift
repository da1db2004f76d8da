import KubeModel
import KubeYAML

/// Everything `kubec diff` found: the objects that differ, what the API server would refuse, what rolls out.
package struct DiffReport: Sendable {
    /// Objects that were added, removed or modified, ordered by group, kind, namespace and name.
    package var objects: [ObjectDiff]
    /// Problems with the inputs themselves (unparsable documents, objects without identity, duplicates).
    package var diagnostics: [Diagnostic]
    /// Counts over the whole comparison.
    package var summary: DiffSummary
    /// Set when `--cluster` was given: what became of the compiled (placement and dataplane) diff.
    package var cluster: ClusterDiffStatus?
    /// Set when `--cluster` was given and both sides were compiled: placement, Service IP and dataplane changes.
    package var compiled: CompiledDiff?

    /// A report; the stage fills it in.
    package init(
        objects: [ObjectDiff] = [], diagnostics: [Diagnostic] = [], summary: DiffSummary = DiffSummary(),
        cluster: ClusterDiffStatus? = nil
    ) {
        self.objects = objects
        self.diagnostics = diagnostics
        self.summary = summary
        self.cluster = cluster
    }

    /// True when any object differs, or anything compiled does (what `--exit-code` turns into exit status 1).
    package var hasDifferences: Bool { !objects.isEmpty || compiled?.hasDifferences == true }

    /// True when an input could not be read, parsed or identified, so documents are missing from the
    /// comparison (exit 2, and the text never says "no differences").
    ///
    /// A document that looks like an object but has no apiVersion, kind or name counts: it cannot be matched, so
    /// whatever changed in it would go unseen. Other input findings (a duplicate key, a field of the wrong type)
    /// are reported but do not stop the diff: the document is compared as the API server would read it.
    package var hasInputErrors: Bool {
        diagnostics.contains { $0.severity == .error && Self.incompleteRules.contains($0.rule) }
    }

    /// Loader findings after which documents are missing from a side.
    static let incompleteRules: Set<String> = [
        YAMLRuleID.syntax, YAMLRuleID.unreadable, YAMLRuleID.fileSize, YAMLRuleID.notUTF8, YAMLRuleID.depth,
        YAMLRuleID.aliasExpansion, YAMLRuleID.unknownAnchor,
        // A document that looks like an object but has no apiVersion, kind or name cannot be matched: its
        // changes would go unseen (`UnidentifiedObjects`; Helm values or a kustomization.yaml do not count).
        UnidentifiedObjects.rule,
    ]

    /// How many input errors left part of either side out of the comparison.
    package var inputErrorCount: Int {
        diagnostics.filter { $0.severity == .error && Self.incompleteRules.contains($0.rule) }.count
    }

    /// The exit status of `kubec diff`: 2 for input errors, else 1 for differences when `exitCode` is set
    /// (as `kubectl diff`), else 0.
    package func exitStatus(exitCode: Bool) -> Int32 {
        if hasInputErrors { return 2 }
        return exitCode && hasDifferences ? 1 : 0
    }
}

/// The compiled part of the diff (placement, Service IPs, dataplane rules) for `--cluster`.
package struct ClusterDiffStatus: Hashable, Sendable {
    /// The `--cluster` path as given.
    package var path: String
    /// `compiled` (or `not yet compiled` from builds without the planner and emitters).
    package var status: String
    /// What that means for this run.
    package var message: String

    /// A status.
    package init(path: String, status: String, message: String) {
        self.path = path
        self.status = status
        self.message = message
    }

    /// The status reported when both sides were compiled.
    package static func compiled(path: String) -> ClusterDiffStatus {
        ClusterDiffStatus(
            path: path, status: "compiled",
            message: "both sides compiled with the Nodes and Cluster settings of this path; see \"compiled\"")
    }

    /// The status reported while kubec cannot compile the two sides yet.
    package static func notYetCompiled(path: String) -> ClusterDiffStatus {
        ClusterDiffStatus(
            path: path, status: "not yet compiled",
            message: "placement and dataplane diff needs the planner and emitters, which this build does not have yet; "
                + "only the manifest diff is shown")
    }
}

/// Counts for the last line of the text report and the JSON `summary`.
package struct DiffSummary: Hashable, Sendable {
    package var added = 0
    package var removed = 0
    package var modified = 0
    package var unchanged = 0
    /// Unchanged objects that moved to another file (not a difference).
    package var moved = 0
    /// Objects paired as renamed (counted once, not as one added and one removed).
    package var renamed = 0
    /// Objects whose apiVersion changed (counted in `modified` too).
    package var apiVersionChanges = 0
    package var fieldChanges = 0
    /// Updates the API server would refuse.
    package var forbidden = 0
    /// Workloads whose pods are replaced by the change.
    package var restarts = 0

    /// All counts zero.
    package init() {}
}

/// One object that differs between the two sets.
package struct ObjectDiff: Sendable {
    /// Whether the object appeared, disappeared or changed.
    package enum Change: String, Sendable {
        case added
        case removed
        case modified
        /// An object that disappeared and one that appeared under another name, paired as one renamed object
        /// (`RenameMatcher`): `identity` is the new one, `oldName` the old name.
        case renamed
    }

    /// Added, removed or modified.
    package var change: Change
    /// The object's identity: the new version's when there is one.
    package var identity: ResourceIdentity
    /// The old apiVersion when it differs from the new one (`extensions/v1beta1` → `networking.k8s.io/v1`).
    package var oldAPIVersion: String?
    /// Where the old version's document is; nil when added.
    package var oldRange: SourceRange?
    /// Where the new version's document is; nil when removed.
    package var newRange: SourceRange?
    /// Field-level differences (empty for added and removed objects).
    package var fields: [FieldChange]
    /// Updates the API server would refuse (errors) and caveats about how an update lands (warnings).
    package var findings: [Diagnostic]
    /// What the change does to running pods, for workloads.
    package var rollout: RolloutPlan?
    /// For a CRD: its schema changes per version, as property paths (the text report shows these instead of
    /// the field changes under each version's schema).
    package var schemaChanges: [CRDSchemaChanges]
    /// For a renamed object: its old name.
    package var oldName: String?

    /// An object difference.
    package init(
        change: Change, identity: ResourceIdentity, oldAPIVersion: String? = nil, oldRange: SourceRange? = nil,
        newRange: SourceRange? = nil, fields: [FieldChange] = [], findings: [Diagnostic] = [],
        rollout: RolloutPlan? = nil, schemaChanges: [CRDSchemaChanges] = []
    ) {
        self.schemaChanges = schemaChanges
        self.change = change
        self.identity = identity
        self.oldAPIVersion = oldAPIVersion
        self.oldRange = oldRange
        self.newRange = newRange
        self.fields = fields
        self.findings = findings
        self.rollout = rollout
    }

    /// `Kind namespace/name` (generated names end in `*`).
    package var displayName: String {
        let name = identity.isGenerated ? identity.name + "*" : identity.name
        if let namespace = identity.namespace { return "\(identity.kind) \(namespace)/\(name)" }
        return "\(identity.kind) \(name)"
    }
}
