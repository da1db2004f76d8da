import KubeYAML

/// SARIF 2.1.0 (OASIS), as GitHub code scanning and GitLab ingest it: one run, the tool's rule metadata,
/// one result per finding with a physical location and region.
///
/// Regions count columns in Unicode code points (`columnKind: unicodeCodePoints`), which is how kubec counts
/// them. File paths become relative URIs as given; absolute paths become `file://` URIs.
package enum SARIFReporter {
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    package static func render(_ diagnostics: [Diagnostic], context: ReportContext, toolVersion: String = "0.1.0") -> String {
        let ruleIDs = ruleList(diagnostics)
        var ruleIndex: [String: Int] = [:]
        for (index, id) in ruleIDs.enumerated() { ruleIndex[id] = index }
        let results: [JSONValue] = diagnostics.map { result($0, index: ruleIndex[$0.rule] ?? 0) }
        let driver = JSONValue.object([
            ("name", .string("kubec")),
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
            ("informationUri", .string("https://kubec.dev")),
            ("rules", .array(ruleIDs.map(ruleMetadata))),
        ])
        let run = JSONValue.object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log = JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.rendered(pretty: true) + "\n"
    }

    /// Every registered rule, then any other rule id that has a finding (loader, model, schema).
    static func ruleList(_ diagnostics: [Diagnostic]) -> [String] {
        var ids = RuleRegistry.all.map(\.info.id)
        var seen = Set(ids)
        for diagnostic in diagnostics where seen.insert(diagnostic.rule).inserted { ids.append(diagnostic.rule) }
        return ids
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func ruleMetadata(_ id: String) -> JSONValue {
        guard let rule = RuleRegistry.description(of: id) else {
            return .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(id))])),
            ])
        }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name.replacingAll(" ", ""))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string(rule.summary + ". " + rule.rationale))])),
            ("defaultConfiguration", .object([
                ("enabled", .bool(rule.enabledByDefault)),
                ("level", .string(level(rule.severity))),
            ])),
            ("properties", .object([("tags", .array([.string(rule.kind.rawValue)]))])),
        ])
    }

    static func result(_ diagnostic: Diagnostic, index: Int) -> JSONValue {
        var text = diagnostic.message
        if let object = diagnostic.object { text += " (\(object.displayName))" }
        if let hint = diagnostic.hint { text += "\nhint: " + hint }
        var pairs: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.rule)),
            ("ruleIndex", .int(index)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let range = diagnostic.range {
            var location: [(String, JSONValue)] = [("physicalLocation", physical(range))]
            if let object = diagnostic.object {
                location.append(("logicalLocations", .array([.object([
                    ("fullyQualifiedName", .string(object.displayName + (diagnostic.path.map { "." + $0 } ?? ""))),
                    ("kind", .string("object")),
                ])])))
            }
            pairs.append(("locations", .array([.object(location)])))
        }
        if !diagnostic.notes.isEmpty {
            let related: [JSONValue] = diagnostic.notes.enumerated().compactMap { offset, note in
                guard let range = note.range else { return nil }
                return .object([
                    ("id", .int(offset)),
                    ("physicalLocation", physical(range)),
                    ("message", .object([("text", .string(note.message))])),
                ])
            }
            if !related.isEmpty { pairs.append(("relatedLocations", .array(related))) }
        }
        return .object(pairs)
    }

    static func physical(_ range: SourceRange) -> JSONValue {
        let start = range.start
        var end = range.end
        if end < start { end = start }
        return .object([
            ("artifactLocation", .object([("uri", .string(uri(range.file)))])),
            ("region", .object([
                ("startLine", .int(Int(max(start.line, 1)))),
                ("startColumn", .int(Int(max(start.column, 1)))),
                ("endLine", .int(Int(max(end.line, 1)))),
                ("endColumn", .int(Int(max(end.column, 1)))),
            ])),
        ])
    }

    /// A URI reference for a path: percent-encoded, `file://` for absolute paths.
    static func uri(_ path: String) -> String {
        var output = path.hasPrefix("/") ? "file://" : ""
        var trimmed = path
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        for byte in trimmed.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-._~/".contains(c) {
                output.append(c)
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return output
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
