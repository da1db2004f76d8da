/// A rule whose check depends on settings of the run (a command-line flag or a `.kubec.yaml` key) rather than on
/// the input alone.
///
/// Rules stay stateless values in `RuleRegistry`; the linter asks a configurable one for a copy that carries the
/// run's settings before running it, so no rule reads global state.
package protocol ConfigurableRule: Rule {
    /// This rule set up for a run with `configuration`.
    func configured(by configuration: LintConfiguration) -> Self
}

// Chosen by protocol dispatch rather than an `as? any ConfigurableRule` cast: a failed cast makes the runtime
// scan every conformance record of the binary, once per rule type, about 2 ms of every run's start-up.
extension ConfigurableRule {
    package func preparedForRun(_ configuration: LintConfiguration) -> any Rule { configured(by: configuration) }
}

extension Linter {
    /// A rule as it runs under a configuration: configured when it is configurable, unchanged otherwise.
    static func prepared(_ rule: any Rule, _ configuration: LintConfiguration) -> any Rule {
        rule.preparedForRun(configuration)
    }
}
