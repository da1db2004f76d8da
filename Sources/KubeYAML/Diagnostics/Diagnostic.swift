/// One finding about the input: the only way bad input travels through kubec.
///
/// Every stage returns its diagnostics beside its value; only the CLI prints them. A diagnostic without a
/// range is allowed only when the finding truly has no position (an unreadable path, say).
package struct Diagnostic: Hashable, Sendable {
    /// A stable kebab-case id (`yaml-duplicate-key`, `workload-selector-mismatch`).
    package var rule: String
    package var severity: Severity
    package var message: String
    package var range: SourceRange?
    package var object: ObjectIdentity?
    /// The field path inside the object, e.g. `spec.template.spec.containers[0].image`.
    package var path: String?
    /// How to fix it, in one sentence.
    package var hint: String?
    package var notes: [DiagnosticNote]

    package init(
        rule: String,
        severity: Severity,
        message: String,
        range: SourceRange? = nil,
        object: ObjectIdentity? = nil,
        path: String? = nil,
        hint: String? = nil,
        notes: [DiagnosticNote] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.object = object
        self.path = path
        self.hint = hint
        self.notes = notes
    }

    /// The order reports use: by file, position, then rule and message, so output is stable.
    package static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.range, rhs.range) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let l), .some(let r)) where l != r: return l < r
        default: break
        }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.path ?? "") < (rhs.path ?? "")
    }
}

/// A related place that explains a diagnostic, such as the first of two duplicate keys.
package struct DiagnosticNote: Hashable, Sendable {
    package var message: String
    package var range: SourceRange?

    package init(message: String, range: SourceRange?) {
        self.message = message
        self.range = range
    }
}

extension Array where Element == Diagnostic {
    /// Counts per severity, for summary lines.
    package var severityCounts: (errors: Int, warnings: Int, infos: Int) {
        var result = (errors: 0, warnings: 0, infos: 0)
        // By index: a loop variable would copy every finding (a retain per string it holds).
        for index in indices {
            switch self[index].severity {
            case .error: result.errors += 1
            case .warning: result.warnings += 1
            case .info: result.infos += 1
            }
        }
        return result
    }
}
