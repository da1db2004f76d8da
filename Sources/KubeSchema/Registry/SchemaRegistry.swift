import KubeYAML

/// The schemas one run validates against: a bundled Kubernetes version and the `--schema-location` folders.
///
/// Built once per process; `SchemaValidator` adds the input's CRDs per run.
package struct SchemaRegistry: Sendable {
    /// The `major.minor` version in use.
    package let kubernetesVersion: String
    /// The options the registry was built from (strictness, missing-schema policy).
    package let options: SchemaOptions
    /// The bundled kinds of that version (and kubec's own `Cluster`).
    package let bundled: SchemaTable
    let locations: [SchemaLocation]

    /// Loads the bundled version the options ask for and indexes the schema locations.
    ///
    /// Throws when the version is not bundled or a location is not a readable folder: the CLI exits 2 on these.
    package init(options: SchemaOptions) throws(SchemaConfigurationError) {
        let version = BundledSchemas.normalize(options.kubernetesVersion ?? BundledSchemas.newest)
        guard let decoded = BundledSchemas.table(for: version) else {
            let known = BundledSchemas.versions.joined(separator: ", ")
            throw SchemaConfigurationError(message: "Kubernetes \(version) is not bundled; choose one of \(known)")
        }
        switch decoded {
        case .failure(let failure):
            throw SchemaConfigurationError(message: "bundled schema \(version) is corrupt: \(failure.message)")
        case .success(let table):
            bundled = table
        }
        var locations: [SchemaLocation] = []
        for path in options.schemaLocations {
            guard let location = SchemaLocation(directory: path) else {
                throw SchemaConfigurationError(message: "--schema-location \(path) is not a readable folder")
            }
            locations.append(location)
        }
        self.kubernetesVersion = version
        self.options = options
        self.locations = locations
    }
}

/// A flag value kubec cannot work with (unknown version, missing folder).
package struct SchemaConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence naming the flag value.
    package var message: String
    /// The message.
    package var description: String { message }

    /// The error as a diagnostic without position, for callers that report rather than exit.
    package var diagnostic: Diagnostic {
        Diagnostic(rule: SchemaRuleID.invalidSchema, severity: .error, message: message)
    }
}
