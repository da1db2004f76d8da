import KubeYAML

/// A finding id that comes from a stage before the lint rules (the YAML loader, the classification of
/// repository files, object identity, typed decoding, schema validation, the config loader): it can fire and
/// can be disabled, but has no `Rule` and no examples. `kubec rules` lists them after the rules, so that the
/// catalogue names every id a user may meet in a report.
package struct PipelineRuleInfo: Sendable {
    /// The id, as findings carry it.
    package var id: String
    /// The stage that reports it (`yaml`, `classification`, `identity`, `decoding`, `schema`, `api-version`,
    /// `config`).
    package var category: String
    package var severity: Severity
    package var summary: String

    package init(_ id: String, category: String, severity: Severity, _ summary: String) {
        self.id = id
        self.category = category
        self.severity = severity
        self.summary = summary
    }
}
