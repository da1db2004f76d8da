import KubeModel
import KubeYAML

/// The shared check of `required-label`, `required-annotation` and `forbidden-annotation`: keys of one
/// metadata map, with an optional pattern on their values.
enum MetadataRequirements {
    /// Reports each requirement that an object's map (`labels` or `annotations`) does not meet.
    static func checkRequired(
        _ requirements: [CheckSettings.KeyRequirement], map field: String, _ context: LintContext,
        into sink: inout FindingSink
    ) {
        guard !requirements.isEmpty else { return }
        let what = field == "labels" ? "label" : "annotation"
        for object in context.allObjects {
            guard let metadata = object.node.pair(forKey: "metadata") else { continue }
            let map = metadata.value[field]
            for requirement in requirements {
                guard let pair = map?.pair(forKey: requirement.key) else {
                    sink.report(object, at: metadata.value.pair(forKey: field)?.key ?? metadata.key,
                                "\(object.kind) \(object.name) has no \(what) \(FieldValue.quote(requirement.key))",
                                hint: "add metadata.\(field).\(requirement.key)"
                                    + (requirement.value.map { " matching \($0.source)" } ?? ""))
                    continue
                }
                if let pattern = requirement.value, !pattern.matches(pair.value.text ?? "") {
                    sink.report(object, at: pair.value,
                                "\(what) \(FieldValue.quote(requirement.key)) is \(FieldValue.quote(pair.value.text ?? "")), which does not match \(pattern.source)",
                                hint: "give it a value matching \(pattern.source) (the whole value must match)")
                }
            }
        }
    }

    /// Reports each annotation an object carries that a forbidden entry names (and whose value matches).
    static func checkForbidden(
        _ entries: [CheckSettings.KeyRequirement], _ context: LintContext, into sink: inout FindingSink
    ) {
        guard !entries.isEmpty else { return }
        for object in context.allObjects {
            guard let annotations = object.annotations, annotations.isMapping else { continue }
            for entry in entries {
                guard let pair = annotations.pair(forKey: entry.key) else { continue }
                if let pattern = entry.value, !pattern.matches(pair.value.text ?? "") { continue }
                sink.report(object, at: pair.key, "annotation \(FieldValue.quote(entry.key)) is not allowed",
                            hint: "remove it (`checks.forbidden-annotations` in .kubec.yaml lists what is forbidden)")
            }
        }
    }
}
