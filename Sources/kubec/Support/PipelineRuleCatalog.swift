import KubeLint
import KubeModel
import KubeSchema
import KubeYAML

/// The ids the stages before linting report, for `kubec rules`: each from its module's own constant, so a
/// renamed id cannot leave the catalogue behind. Severities are the defaults the stages use.
enum PipelineRuleCatalog {
    static let all: [PipelineRuleInfo] = yaml + classification + identity + schema + [
        PipelineRuleInfo(ConfigLoader.ruleID, category: "config", severity: .error, "a .kubec.yaml entry kubec cannot use"),
    ]

    static let yaml: [PipelineRuleInfo] = [
        PipelineRuleInfo(YAMLRuleID.syntax, category: "yaml", severity: .error, "the file is not valid YAML"),
        PipelineRuleInfo(YAMLRuleID.duplicateKey, category: "yaml", severity: .error,
            "a mapping repeats a key (warning with --no-strict)"),
        PipelineRuleInfo(YAMLRuleID.aliasExpansion, category: "yaml", severity: .error,
            "aliases expand beyond the limit (a billion-laughs document)"),
        PipelineRuleInfo(YAMLRuleID.depth, category: "yaml", severity: .error, "nesting deeper than the limit"),
        PipelineRuleInfo(YAMLRuleID.fileSize, category: "yaml", severity: .error, "a file larger than the limit"),
        PipelineRuleInfo(YAMLRuleID.documentCount, category: "yaml", severity: .error,
            "more documents in a file than the limit"),
        PipelineRuleInfo(YAMLRuleID.scalarLength, category: "yaml", severity: .error, "a scalar longer than the limit"),
        PipelineRuleInfo(YAMLRuleID.unknownAnchor, category: "yaml", severity: .error,
            "an alias names an anchor that is not defined"),
        PipelineRuleInfo(YAMLRuleID.mergeKey, category: "yaml", severity: .error, "a `<<` merge key kubec cannot apply"),
        PipelineRuleInfo(YAMLRuleID.notUTF8, category: "yaml", severity: .error, "the file is not UTF-8"),
        PipelineRuleInfo(YAMLRuleID.unreadable, category: "yaml", severity: .error, "an input path cannot be read"),
    ]

    static let classification: [PipelineRuleInfo] = [
        PipelineRuleInfo(DocumentClassifier.RuleID.kustomization, category: "classification", severity: .info,
            "a kustomization file: kustomize's input, not an object"),
        PipelineRuleInfo(DocumentClassifier.RuleID.notAnObject, category: "classification", severity: .info,
            "a document with neither apiVersion nor kind"),
        PipelineRuleInfo(DocumentClassifier.RuleID.patch, category: "classification", severity: .info,
            "a strategic-merge patch, checked for the fields it sets only"),
        PipelineRuleInfo(DocumentClassifier.RuleID.template, category: "classification", severity: .warning,
            "a file with `{{ … }}` placeholders never filled in"),
    ]

    static let identity: [PipelineRuleInfo] = [
        PipelineRuleInfo(IdentityReader.ruleID, category: "identity", severity: .error,
            "apiVersion, kind or metadata.name missing or malformed"),
        PipelineRuleInfo(ModelRuleIDs.typeMismatch, category: "decoding", severity: .error,
            "a field of a typed object holds a value of the wrong type"),
        PipelineRuleInfo(ModelRuleIDs.invalidValue, category: "decoding", severity: .error,
            "a quantity, port, CIDR or similar value that does not parse"),
    ]

    static let schema: [PipelineRuleInfo] = [
        PipelineRuleInfo(SchemaRuleID.type, category: "schema", severity: .error, "a value of the wrong JSON type"),
        PipelineRuleInfo(SchemaRuleID.required, category: "schema", severity: .error, "a required field is absent"),
        PipelineRuleInfo(SchemaRuleID.unknownField, category: "schema", severity: .error,
            "a field the schema does not declare (warning with --no-strict)"),
        PipelineRuleInfo(SchemaRuleID.enumValue, category: "schema", severity: .error,
            "a value outside the schema's enum"),
        PipelineRuleInfo(SchemaRuleID.format, category: "schema", severity: .error,
            "a string that does not parse as its format (Quantity, base64)"),
        PipelineRuleInfo(SchemaRuleID.value, category: "schema", severity: .error,
            "a value outside a CRD schema's bounds"),
        PipelineRuleInfo(SchemaRuleID.missing, category: "schema", severity: .error,
            "no schema for the apiVersion and kind (warning with --ignore-missing-schemas)"),
        PipelineRuleInfo(SchemaRuleID.invalidSchema, category: "schema", severity: .error,
            "a CRD or schema file that cannot be used"),
        PipelineRuleInfo(SchemaRuleID.apiVersionRemoved, category: "api-version", severity: .error,
            "the apiVersion of the kind is no longer served by the chosen Kubernetes version"),
        PipelineRuleInfo(SchemaRuleID.apiVersionDeprecated, category: "api-version", severity: .warning,
            "the apiVersion of the kind is deprecated in the chosen Kubernetes version"),
    ]
}
