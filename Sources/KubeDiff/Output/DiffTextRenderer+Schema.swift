/// CRD schema changes in the text report: one block per version, one line per property.
///
/// ```
///   ~ schema of v1alpha1: 2 properties added, 1 removed, 1 changed, 1 newly required
///       + spec.source.helm.skipTests (boolean)
///       - status.legacy
///       ~ spec.destination: description, enum
///       ! spec.project now required
/// ```
extension DiffTextRenderer {
    /// Entries shown per version before the rest are counted.
    static let maxSchemaEntries = 60

    func renderSchema(_ schema: CRDSchemaChanges) -> [String] {
        var counts = (added: 0, removed: 0, changed: 0, required: 0)
        for entry in schema.entries {
            switch entry {
            case .added: counts.added += 1
            case .removed: counts.removed += 1
            case .changed, .noLongerRequired: counts.changed += 1
            case .nowRequired: counts.required += 1
            }
        }
        var parts: [String] = []
        if counts.added > 0 {
            parts.append(counts.added == 1 ? "1 property added" : "\(counts.added) properties added")
        }
        if counts.removed > 0 { parts.append("\(counts.removed) removed") }
        if counts.changed > 0 { parts.append("\(counts.changed) changed") }
        if counts.required > 0 { parts.append("\(counts.required) newly required") }
        var lines = ["  " + paintSchema("~ schema of \(schema.version): " + parts.joined(separator: ", "), "~")]
        for entry in schema.entries.prefix(Self.maxSchemaEntries) {
            switch entry {
            case .added(let property, let type):
                lines.append("      " + paintSchema("+ \(property)" + (type.map { " (\($0))" } ?? ""), "+"))
            case .removed(let property):
                lines.append("      " + paintSchema("- \(property)", "-"))
            case .changed(let property, let keywords):
                let names = keywords.map { $0 == "(whole)" ? "replaced" : $0 }
                lines.append("      " + paintSchema("~ \(property): " + names.joined(separator: ", "), "~"))
            case .nowRequired(let property):
                lines.append("      " + paintSchema("! \(property) now required", "!"))
            case .noLongerRequired(let property):
                lines.append("      " + paintSchema("~ \(property) no longer required", "~"))
            }
        }
        if schema.entries.count > Self.maxSchemaEntries {
            lines.append("      … \(schema.entries.count - Self.maxSchemaEntries) more (all of them in --output json)")
        }
        return lines
    }

    /// The version name of a path under `spec.versions[name=V]`.
    static func version(_ path: FieldPath) -> String? {
        let segments = path.segments
        guard segments.count > 2, case .item(let key) = segments[2], key.count == 1 else { return nil }
        return key[0].value
    }

    private func paintSchema(_ text: String, _ marker: Character) -> String {
        switch marker {
        case "+": paint(text, .green)
        case "-", "!": paint(text, .red)
        default: paint(text, .yellow)
        }
    }
}
