/// What `kubec lint`'s schema flags ask for.
///
/// `--kubernetes-version 1.NN`, `--strict`/`--no-strict`, `--schema-location DIR` (repeatable) and
/// `--ignore-missing-schemas` map one to one onto these fields.
package struct SchemaOptions: Sendable, Hashable {
    /// `major.minor` (`1.35`; `v1.35.2` is accepted too); nil means the newest bundled version.
    package var kubernetesVersion: String?
    /// Unknown fields (and duplicate keys) are errors when true, warnings when false.
    package var strict: Bool
    /// Folders of extra JSON schemas, tried in order for kinds that neither the bundled schemas nor the input's
    /// CRDs describe.
    package var schemaLocations: [String]
    /// A kind with no schema is a warning instead of an error.
    package var ignoreMissingSchemas: Bool

    /// Options with kubec's defaults: newest version, strict, no extra schemas.
    package init(
        kubernetesVersion: String? = nil,
        strict: Bool = true,
        schemaLocations: [String] = [],
        ignoreMissingSchemas: Bool = false
    ) {
        self.kubernetesVersion = kubernetesVersion
        self.strict = strict
        self.schemaLocations = schemaLocations
        self.ignoreMissingSchemas = ignoreMissingSchemas
    }
}

/// The rule ids of schema findings.
package enum SchemaRuleID {
    /// A value of the wrong JSON type (a string where an integer is required, `yes` where a string is).
    package static let type = "schema-type"
    /// A required field is absent; points at the mapping that should hold it.
    package static let required = "schema-required"
    /// A key the schema does not declare (error when strict, warning otherwise).
    package static let unknownField = "schema-unknown-field"
    /// A value outside the schema's `enum`.
    package static let enumValue = "schema-enum"
    /// A string that does not parse as its format (Quantity, base64).
    package static let format = "schema-format"
    /// A value outside a CRD schema's bounds (minimum, maxLength, maxItems…).
    package static let value = "schema-value"
    /// No schema for the apiVersion/kind (error; warning with `--ignore-missing-schemas`).
    package static let missing = "schema-missing"
    /// A CRD or schema file that could not be used.
    package static let invalidSchema = "schema-invalid"
    /// The apiVersion of the kind no longer exists in the chosen Kubernetes version.
    package static let apiVersionRemoved = "api-version-removed"
    /// The apiVersion of the kind is deprecated in the chosen Kubernetes version.
    package static let apiVersionDeprecated = "api-version-deprecated"

    /// Every id, for `kubec rules`.
    package static let all: [String] = [
        type, required, unknownField, enumValue, format, value, missing, invalidSchema, apiVersionRemoved,
        apiVersionDeprecated,
    ]
}
