import ArgumentParser
import Foundation
import KubeLint
import KubeSchema
import KubeYAML

/// The validation flags `lint` and `compile` share (CLI.md: `lint` flags; `compile` "runs lint and plan").
struct ValidationFlags: ParsableArguments {
    @Option(name: .customLong("kubernetes-version"), help: "Kubernetes minor version to validate against (1.NN).")
    var kubernetesVersion: String?

    @Flag(inversion: .prefixedNo, help: "Unknown fields and duplicate keys are errors (default) or warnings.")
    var strict = true

    @Option(name: .customLong("schema-location"), help: "Extra folder of JSON schemas (repeatable).")
    var schemaLocations: [String] = []

    @Flag(name: .customLong("ignore-missing-schemas"), help: "A kind with no schema is a warning, not an error.")
    var ignoreMissingSchemas = false

    @Option(help: "Config file (default: .kubec.yaml in the current folder when present).")
    var config: String?

    @Option(help: "Enable a rule (repeatable).")
    var enable: [String] = []

    @Option(help: "Disable a rule (repeatable).")
    var disable: [String] = []

    @Option(name: .customLong("pod-security"),
            help: "Pod Security level enforced in namespaces without an enforce label: LEVEL[:VERSION] (restricted:v1.30).")
    var podSecurity: String?

    var schemaOptions: SchemaOptions {
        SchemaOptions(
            kubernetesVersion: kubernetesVersion, strict: strict, schemaLocations: schemaLocations,
            ignoreMissingSchemas: ignoreMissingSchemas)
    }

    /// The schema registry the flags name. Refuses an unknown `--kubernetes-version` or `--schema-location` up
    /// front: a bad flag is exit 2, not a finding.
    func schemaRegistry() throws -> SchemaRegistry {
        do {
            return try SchemaRegistry(options: schemaOptions)
        } catch {
            Console.error("kubec: error: \(error.message)\n")
            throw ExitCode(2)
        }
    }

    /// `--config FILE`, else `.kubec.yaml` in the current folder when present, else defaults, with
    /// `--enable`/`--disable` applied. A config that cannot be read or has errors stops the command (exit 2):
    /// linting with half a config would mislead.
    func configuration() throws -> LintConfiguration {
        try prepared().configuration
    }

    /// `configuration()` and the schema registry it checked the flags with (built once: lint validates with it).
    func prepared() throws -> (configuration: LintConfiguration, registry: SchemaRegistry) {
        let registry = try schemaRegistry()
        var configuration = LintConfiguration()
        let path: String? = config ?? (FileManager.default.fileExists(atPath: ".kubec.yaml") ? ".kubec.yaml" : nil)
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("kubec: error: cannot read config \(path)\n")
                throw ExitCode(2)
            }
            let (loaded, problems) = ConfigLoader.parse(SourceFile(path: path, bytes: [UInt8](data)))
            if !problems.isEmpty {
                let context = ReportContext(files: loaded.source.map { [$0] } ?? [], documentCount: 0)
                Console.error(TextReporter.render(problems, context: context))
                throw ExitCode(2)
            }
            configuration = loaded
        }
        // A check of kube-linter, kube-score, Polaris or Checkov names the kubec rule covering it, as in the config.
        configuration.enabled.formUnion(enable.map { RuleRegistry.ruleID(forName: $0) ?? $0 })
        configuration.disabled.formUnion(disable.map { RuleRegistry.ruleID(forName: $0) ?? $0 })
        if let podSecurity {
            guard let level = PodSecurityLevelVersion(parsing: podSecurity) else {
                Console.error("kubec: error: --pod-security: '\(podSecurity)' is not LEVEL[:VERSION] with LEVEL privileged, "
                    + "baseline or restricted and VERSION latest or v1.N\n")
                throw ExitCode(2)
            }
            configuration.podSecurity.defaultEnforce = level
        }
        configuration.kubernetesMinor = kubernetesVersion.flatMap {
            APIDeprecation.minor(of: $0.hasPrefix("v") ? String($0.dropFirst()) : $0)
        }
        return (configuration, registry)
    }
}
