import KubeModel
import KubeYAML

/// PersistentVolumeClaim specs (`ValidatePersistentVolumeClaimSpec`), of PVCs and of StatefulSet
/// `volumeClaimTemplates`: access modes, the storage request, volumeMode, storageClassName and data sources.
///
/// The API server does not validate a StatefulSet's claim templates: it accepts the StatefulSet, and the
/// StatefulSet controller's PVCs are refused with these same errors, so its pods never start. kubec reports the
/// template at its own path, with a hint that says so.
package struct PersistentVolumeClaimSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-pvc-spec",
        name: "Invalid PersistentVolumeClaim Spec",
        summary: "PVCs and volumeClaimTemplates have access modes, a positive storage request, a valid volumeMode, and data sources that are valid and agree",
        rationale: """
            The API server refuses the claim. For a StatefulSet's volumeClaimTemplates it accepts the StatefulSet and \
            refuses each claim the controller creates, so no pod of the set ever starts.
            """,
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: [↓ReadWriteOnly]
              volumeMode: ↓Raw
              resources:
                requests: {storage: ↓0Gi}
            """,
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
              volumeClaimTemplates:
              - metadata: {name: data}
                ↓spec:
                  ↓resources: {}
            """,
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: restored
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests: {storage: 10Gi}
              ↓dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: nightly}
              dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: weekly}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: fast-ssd
              resources:
                requests: {storage: 10Gi}
              dataSource: {kind: PersistentVolumeClaim, name: data-snapshot-source}
              dataSourceRef: {kind: PersistentVolumeClaim, name: data-snapshot-source}
            """,
        ])

    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("PersistentVolumeClaim", ["v1"]) {
            guard let spec = object.spec, spec.isMapping else { continue }
            claimSpec(spec, anchor: object.node.pair(forKey: "spec")?.key ?? spec, object, hint: nil, &sink)
        }
        let templateHint = "the API server accepts the StatefulSet, but refuses every PersistentVolumeClaim its controller makes from this template"
        for object in context.served("StatefulSet", ["apps/v1"]) {
            guard let templates = object.spec?["volumeClaimTemplates"], templates.isSequence else { continue }
            for template in templates.items where template.isMapping {
                guard let spec = template["spec"], spec.isMapping else { continue }
                claimSpec(spec, anchor: template.pair(forKey: "spec")?.key ?? spec, object, hint: templateHint, &sink)
            }
        }
    }

    private func claimSpec(_ spec: YAMLNode, anchor: YAMLNode, _ object: ObjectRef, hint: String?,
                           _ sink: inout FindingSink) {
        let base = FieldPath.locate(spec, from: object.node) ?? "spec"
        let modes = spec["accessModes"].flatMap { $0.isSequence ? Array($0.items) : nil } ?? []
        if modes.isEmpty {
            sink.fieldError(object, at: spec["accessModes"] ?? anchor, path: base + ".accessModes",
                            .required("at least 1 access mode is required"), hint: hint ?? "ReadWriteOnce is the usual mode")
        }
        var once = false
        var others = false
        for mode in modes {
            let text = mode.text ?? ""
            if !Self.accessModes.contains(text) {
                sink.fieldError(object, at: mode, path: base + ".accessModes", .unsupported(.string(text), Self.accessModes),
                                hint: hint)
            } else if text == "ReadWriteOncePod" {
                once = true
            } else {
                others = true
            }
        }
        if once, others, let node = spec["accessModes"] {
            sink.fieldError(object, at: node, path: base + ".accessModes",
                            .forbidden("may not use ReadWriteOncePod with other access modes"), hint: hint)
        }
        storage(spec, base: base, anchor: anchor, object, hint: hint, &sink)
        if let name = APIServerChecks.text(spec, "storageClassName"), !name.isEmpty {
            for error in NameValidation.dns1123Subdomain(name) {
                sink.fieldError(object, at: spec["storageClassName"], .invalid(.string(name), error), hint: hint)
            }
        }
        if let mode = APIServerChecks.text(spec, "volumeMode"), !["Block", "Filesystem"].contains(mode) {
            sink.fieldError(object, at: spec["volumeMode"], .unsupported(.string(mode), ["Block", "Filesystem"]), hint: hint)
        }
        for key in ["dataSource", "dataSourceRef"] {
            if let source = spec[key], source.isMapping { dataSource(source, object, hint: hint, &sink) }
        }
        dataSourcesAgree(spec, base: base, object, hint: hint, &sink)
    }

    /// Both `dataSource` and `dataSourceRef` set: they must name the same object (apiGroup, kind, name).
    ///
    /// The error is on the spec, with the path of `dataSource` as its value, printed bare as the API server
    /// prints a field path (`spec: Invalid value: spec.dataSource: must match dataSourceRef`). A dataSourceRef
    /// with a namespace is left alone: with CrossNamespaceVolumeDataSource off (the default; alpha) the API
    /// server drops that dataSourceRef before validating, and with it on it refuses any dataSource beside it
    /// (`may not be specified when dataSourceRef.namespace is specified`).
    private func dataSourcesAgree(_ spec: YAMLNode, base: String, _ object: ObjectRef, hint: String?,
                                  _ sink: inout FindingSink) {
        guard let source = spec["dataSource"], source.isMapping, let ref = spec["dataSourceRef"], ref.isMapping,
              (APIServerChecks.text(ref, "namespace") ?? "").isEmpty
        else { return }
        // apiGroup is a pointer: absent (or null) and "" differ, as reflect.DeepEqual sees them.
        let same = ["apiGroup", "kind", "name"].allSatisfy { key in
            key == "apiGroup"
                ? APIServerChecks.text(source, key) == APIServerChecks.text(ref, key)
                : (APIServerChecks.text(source, key) ?? "") == (APIServerChecks.text(ref, key) ?? "")
        }
        guard !same else { return }
        sink.fieldError(object, at: spec.pair(forKey: "dataSource")?.key ?? source, path: base,
                        .invalid(.raw(base + ".dataSource"), "must match dataSourceRef"),
                        hint: hint ?? "set only dataSourceRef (the API server copies it to dataSource), "
                            + "or make both name the same object")
    }

    /// `resources.requests.storage`: required and positive, at the path `spec.resources[storage]`.
    private func storage(_ spec: YAMLNode, base: String, anchor: YAMLNode, _ object: ObjectRef, hint: String?,
                         _ sink: inout FindingSink) {
        let path = base + ".resources[storage]"
        guard let node = spec["resources"]?["requests"]?["storage"], !node.isNull, let text = node.text else {
            sink.fieldError(object, at: spec.pair(forKey: "resources")?.key ?? anchor, path: path, .required(""),
                            hint: hint ?? "request the size of the volume: resources.requests.storage")
            return
        }
        guard case .success(let quantity) = Quantity.parse(text), quantity.signum != 1 else { return }
        sink.fieldError(object, at: node, path: path, .invalid(.string(quantity.canonicalText), "must be greater than zero"),
                        hint: hint)
    }

    /// `validateDataSource` / `validateDataSourceRef`.
    private func dataSource(_ source: YAMLNode, _ object: ObjectRef, hint: String?, _ sink: inout FindingSink) {
        let first = source.pairs.first?.key ?? source
        for key in ["name", "kind"] where (APIServerChecks.text(source, key) ?? "").isEmpty {
            sink.fieldError(object, at: source[key] ?? first, path: APIServerChecks.childPath(source, key, in: object),
                            .required(""), hint: hint)
        }
        let group = APIServerChecks.text(source, "apiGroup") ?? ""
        let kind = APIServerChecks.text(source, "kind") ?? ""
        if group.isEmpty, kind != "PersistentVolumeClaim" {
            sink.fieldError(object, at: source["kind"] ?? first, pathOf: source,
                            .invalid(.string(kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"),
                            hint: hint ?? "a VolumeSnapshot source needs apiGroup: snapshot.storage.k8s.io")
        }
        for error in group.isEmpty ? [] : NameValidation.dns1123Subdomain(group) {
            sink.fieldError(object, at: source["apiGroup"], .invalid(.string(group), error), hint: hint)
        }
        if let namespace = APIServerChecks.text(source, "namespace"), !namespace.isEmpty {
            for error in NameValidation.dns1123Label(namespace) {
                sink.fieldError(object, at: source["namespace"], .invalid(.string(namespace), error), hint: hint)
            }
        }
    }
}
