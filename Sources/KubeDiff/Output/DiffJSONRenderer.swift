import KubeYAML

/// Renders a `DiffReport` as JSON: stable, keys sorted, indented two spaces.
///
/// Keys may be added, never removed.
///
/// ```
/// {
///   "cluster": {"path": "...", "status": "compiled", "message": "..."},   // only with --cluster
///   "compiled": {...},                             // only with --cluster: see `CompiledDiff.json(verbose:)`
///   "diagnostics": [Diagnostic],                   // input problems, as `kubec lint --output json`
///   "objects": [{
///     "apiVersion": "apps/v1", "kind": "Deployment", "namespace": "default", "name": "web",
///     "generateName": false,
///     "change": "added" | "removed" | "modified",
///     "oldApiVersion": "extensions/v1beta1",       // only when the apiVersion changed
///     "old": Position, "new": Position,            // where each version's document is (absent when added/removed)
///     "fields": [{
///       "path": "spec.template.spec.containers[name=web].image",
///       "change": "added" | "removed" | "modified" | "type",
///       "old": <JSON value>, "new": <JSON value>,  // absent on the side that has none
///       "oldType": "string", "newType": "integer", // JSON-schema type words
///       "oldPosition": Position, "newPosition": Position
///     }],
///     "findings": [Diagnostic],                    // refused updates (errors) and caveats (warnings)
///     "rollout": {
///       "strategy": "RollingUpdate", "restarts": true, "summary": "...",
///       "oldReplicas": 4, "newReplicas": 4,
///       "maxSurge": "25%", "maxUnavailable": "25%", "resolvedMaxSurge": 1, "resolvedMaxUnavailable": 1,
///       "steps": [{"old": 4, "new": 0, "total": 4, "action": ""}],   // Deployment
///       "order": [["db-2"], ["db-1"]],                                 // StatefulSet batches
///       "notes": ["..."]
///     }
///   }],
///   "summary": {"added", "removed", "modified", "unchanged", "moved", "apiVersionChanges", "fieldChanges",
///               "forbidden", "restarts", "different": Bool}   // different counts compiled differences too
/// }
/// Position = {"file", "line", "column", "endLine", "endColumn"} (1-based; columns count characters).
/// Diagnostic = {"rule", "severity", "message", "path", "hint", "object": {...}, "notes": [...], + Position keys}
/// ```
package enum DiffJSONRenderer {
    /// The whole report as one JSON document, ending in a newline; `verbose` lists compiled rule lines.
    package static func render(_ report: DiffReport, verbose: Bool = false) -> String {
        var root: [String: JSONValue] = [
            "objects": .array(report.objects.map(object)),
            "diagnostics": .array(report.diagnostics.map(diagnostic)),
            "summary": summary(report),
        ]
        if let cluster = report.cluster {
            root["cluster"] = .object([
                "path": .string(cluster.path), "status": .string(cluster.status), "message": .string(cluster.message),
            ])
        }
        if let compiled = report.compiled { root["compiled"] = compiled.json(verbose: verbose) }
        return JSONValue.object(root).serialized() + "\n"
    }

    static func object(_ object: ObjectDiff) -> JSONValue {
        var members: [String: JSONValue] = [
            "apiVersion": .string(object.identity.apiVersion),
            "kind": .string(object.identity.kind),
            "namespace": object.identity.namespace.map(JSONValue.string) ?? .null,
            "name": .string(object.identity.name),
            "generateName": .bool(object.identity.isGenerated),
            "change": .string(object.change.rawValue),
            "fields": .array(object.fields.map(field)),
            "findings": .array(object.findings.map(diagnostic)),
        ]
        if let oldAPIVersion = object.oldAPIVersion { members["oldApiVersion"] = .string(oldAPIVersion) }
        if let oldName = object.oldName { members["oldName"] = .string(oldName) }
        if let range = object.oldRange { members["old"] = position(range) }
        if let range = object.newRange { members["new"] = position(range) }
        if let rollout = object.rollout { members["rollout"] = self.rollout(rollout) }
        if !object.schemaChanges.isEmpty { members["schemaChanges"] = .array(object.schemaChanges.map(schema)) }
        return .object(members)
    }

    static func field(_ change: FieldChange) -> JSONValue {
        var members: [String: JSONValue] = [
            "path": .string(change.path.description),
            "change": .string(change.kind.rawValue),
        ]
        if let old = change.old {
            members["old"] = old.json
            members["oldType"] = .string(old.typeName)
        }
        if let new = change.new {
            members["new"] = new.json
            members["newType"] = .string(new.typeName)
        }
        if let range = change.oldRange { members["oldPosition"] = position(range) }
        if let range = change.newRange { members["newPosition"] = position(range) }
        return .object(members)
    }

    /// One CRD version's schema changes: `{"version": "v1", "changes": [{"change": "added", "property": …}]}`.
    static func schema(_ schema: CRDSchemaChanges) -> JSONValue {
        let entries: [JSONValue] = schema.entries.map { entry in
            switch entry {
            case .added(let property, let type):
                var members: [String: JSONValue] = ["change": .string("added"), "property": .string(property)]
                if let type { members["type"] = .string(type) }
                return .object(members)
            case .removed(let property):
                return .object(["change": .string("removed"), "property": .string(property)])
            case .changed(let property, let keywords):
                return .object([
                    "change": .string("changed"), "property": .string(property),
                    "keywords": .array(keywords.map(JSONValue.string)),
                ])
            case .nowRequired(let property):
                return .object(["change": .string("nowRequired"), "property": .string(property)])
            case .noLongerRequired(let property):
                return .object(["change": .string("noLongerRequired"), "property": .string(property)])
            }
        }
        return .object(["version": .string(schema.version), "changes": .array(entries)])
    }

    static func rollout(_ plan: RolloutPlan) -> JSONValue {
        var members: [String: JSONValue] = [
            "strategy": .string(plan.strategy),
            "restarts": .bool(plan.restarts),
            "summary": .string(plan.summary),
            "steps": .array(
                plan.steps.map { step in
                    .object([
                        "old": .int(step.oldPods), "new": .int(step.newPods), "total": .int(step.totalPods),
                        "action": .string(step.action),
                    ])
                }),
            "order": .array(plan.order.map { .array($0.map(JSONValue.string)) }),
            "notes": .array(plan.notes.map(JSONValue.string)),
        ]
        if let value = plan.oldReplicas { members["oldReplicas"] = .int(value) }
        if let value = plan.newReplicas { members["newReplicas"] = .int(value) }
        if let value = plan.maxSurge { members["maxSurge"] = .string(value.description) }
        if let value = plan.maxUnavailable { members["maxUnavailable"] = .string(value.description) }
        if let value = plan.resolvedMaxSurge { members["resolvedMaxSurge"] = .int(value) }
        if let value = plan.resolvedMaxUnavailable { members["resolvedMaxUnavailable"] = .int(value) }
        return .object(members)
    }

    static func summary(_ report: DiffReport) -> JSONValue {
        let summary = report.summary
        return .object([
            "added": .int(summary.added), "removed": .int(summary.removed), "modified": .int(summary.modified),
            "unchanged": .int(summary.unchanged), "moved": .int(summary.moved),
            "apiVersionChanges": .int(summary.apiVersionChanges), "fieldChanges": .int(summary.fieldChanges),
            "forbidden": .int(summary.forbidden), "restarts": .int(summary.restarts), "renamed": .int(summary.renamed),
            "different": .bool(report.hasDifferences),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [String: JSONValue] = [
            "rule": .string(diagnostic.rule),
            "severity": .string(diagnostic.severity.name),
            "message": .string(diagnostic.message),
        ]
        if let range = diagnostic.range, case .object(let place) = position(range) { members.merge(place) { $1 } }
        if let path = diagnostic.path { members["path"] = .string(path) }
        if let hint = diagnostic.hint { members["hint"] = .string(hint) }
        if let object = diagnostic.object {
            members["object"] = .object([
                "apiVersion": .string(object.apiVersion), "kind": .string(object.kind),
                "namespace": object.namespace.map(JSONValue.string) ?? .null, "name": .string(object.name),
            ])
        }
        if !diagnostic.notes.isEmpty {
            members["notes"] = .array(
                diagnostic.notes.map { note in
                    var fields: [String: JSONValue] = ["message": .string(note.message)]
                    if let range = note.range, case .object(let place) = position(range) { fields.merge(place) { $1 } }
                    return .object(fields)
                })
        }
        return .object(members)
    }

    static func position(_ range: SourceRange) -> JSONValue {
        .object([
            "file": .string(range.file),
            "line": .int(Int(range.start.line)), "column": .int(Int(range.start.column)),
            "endLine": .int(Int(range.end.line)), "endColumn": .int(Int(range.end.column)),
        ])
    }
}
