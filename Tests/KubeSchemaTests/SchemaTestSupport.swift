import Foundation
import KubeModel
import KubeSchema
import KubeTestSupport
import KubeYAML

/// Helpers for schema tests: validate a YAML text, find findings by rule.
enum SchemaTest {
    /// Validates one YAML text with the given options and returns every schema finding.
    static func validate(_ text: String, options: SchemaOptions = SchemaOptions()) -> [Diagnostic] {
        let set = ManifestSet.decode(YAMLLoader.load(text: text, file: "test.yaml"))
        return SchemaValidator.validate(set, options: options)
    }

    /// The findings of one rule.
    static func findings(_ rule: String, in text: String, options: SchemaOptions = SchemaOptions()) -> [Diagnostic] {
        validate(text, options: options).filter { $0.rule == rule }
    }

    /// The shared real-world corpus: `../shared/corpus` beside the checkout, or `/work/shared/corpus`.
    static var corpus: String? {
        if let found = RepositoryPaths.corpus { return found }
        let fallback = "/work/shared/corpus"
        return FileManager.default.fileExists(atPath: fallback) ? fallback : nil
    }
}
