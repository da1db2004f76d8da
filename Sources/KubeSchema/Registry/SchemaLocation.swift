import Foundation
import KubeYAML

/// One `--schema-location` folder: JSON schema files found by name, like kubeconform and kubernetes-validate do.
///
/// Names tried for `sagemaker.aws.amazon.com/v1` `TrainingJob`, in order:
/// - `trainingjob-sagemaker-v1.json` (kubeconform's and kubernetes-validate's `{kind}-{first group label}-{version}`;
///   `{kind}-{version}.json` for the core group),
/// - `sagemaker.aws.amazon.com/trainingjob_v1.json` (datreeio/CRDs-catalog's `{group}/{kind}_{version}`).
/// `$ref`s resolve against the file's own `definitions`/`$defs` and the folder's `_definitions.json`.
/// Reading happens once, before validation, and only for the kinds the input uses.
struct SchemaLocation: Sendable {
    let directory: String
    /// Lower-cased relative path → path on disk.
    private let files: [String: String]

    init?(directory: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: directory)
        else { return nil }
        var files: [String: String] = [:]
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json") || relative.hasSuffix(".JSON") else { continue }
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            let key = relative.lowercased()
            // Sorted walk order is not guaranteed: keep the byte-smallest path for a name clash.
            if let existing = files[key], existing < full { continue }
            files[key] = full
        }
        self.directory = directory
        self.files = files
    }

    /// The candidate file names of a kind, in lookup order.
    static func candidateNames(for key: KindKey) -> [String] {
        let kind = key.kind.lowercased()
        let version = key.version.lowercased()
        let group = key.group.lowercased()
        if group.isEmpty { return ["\(kind)-\(version).json"] }
        let firstLabel = group.split(separator: ".").first.map(String.init) ?? group
        return ["\(kind)-\(firstLabel)-\(version).json", "\(group)/\(kind)_\(version).json"]
    }

    /// The path of the schema file for a kind, when the folder has one.
    func path(for key: KindKey) -> String? {
        for name in Self.candidateNames(for: key) {
            if let path = files[name] { return path }
        }
        return nil
    }

    /// The folder's shared definitions (`_definitions.json`), read on demand.
    func sharedDefinitions() -> [String: JSONValue] {
        guard let path = files["_definitions.json"], let value = Self.read(path) else { return [:] }
        return Self.definitions(in: value)
    }

    /// A file parsed as JSON; nil when unreadable or not JSON.
    static func read(_ path: String) -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard case .success(let value) = JSONParser.parse([UInt8](data)) else { return nil }
        return value
    }

    /// `definitions` and `$defs` of a schema document, by name.
    static func definitions(in value: JSONValue) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for member in ["definitions", "$defs"] {
            for (name, schema) in value[member]?.members ?? [] { result[name] = schema }
        }
        return result
    }

    /// Whether a schema file says it describes this kind (or says nothing either way).
    static func describes(_ schema: JSONValue, _ key: KindKey) -> Bool {
        if let gvks = schema["x-kubernetes-group-version-kind"]?.array, !gvks.isEmpty {
            return gvks.contains { gvk in
                let group = gvk["group"]?.string ?? ""
                let version = gvk["version"]?.string ?? ""
                let apiVersion = group.isEmpty ? version : "\(group)/\(version)"
                return gvk["kind"]?.string == key.kind && apiVersion == key.apiVersion
            }
        }
        if let allowed = schema["properties"]?["apiVersion"]?["enum"]?.array, !allowed.isEmpty {
            return allowed.contains { $0.string == key.apiVersion }
        }
        return true
    }
}

extension SchemaTable {
    /// Compiles the `--schema-location` files of the kinds the input uses and has no schema for yet.
    ///
    /// Locations are tried in the order given; the first file that describes the kind wins.
    mutating func addLocationSchemas(
        _ locations: [SchemaLocation], for keys: [KindKey], diagnostics: inout [Diagnostic]
    ) {
        guard !locations.isEmpty else { return }
        var shared: [String: [String: JSONValue]] = [:]
        for key in keys {
            for location in locations {
                guard let path = location.path(for: key) else { continue }
                guard let schema = SchemaLocation.read(path) else {
                    diagnostics.append(Diagnostic(
                        rule: SchemaRuleID.invalidSchema, severity: .error,
                        message: "schema file \(path) is not valid JSON",
                        range: SourceRange(file: path, line: 1, column: 1)))
                    continue
                }
                guard SchemaLocation.describes(schema, key) else { continue }
                if shared[location.directory] == nil { shared[location.directory] = location.sharedDefinitions() }
                var definitions = shared[location.directory] ?? [:]
                definitions.merge(SchemaLocation.definitions(in: schema)) { _, own in own }
                var compiler = JSONSchemaCompiler(table: self, definitions: definitions, dialect: .jsonSchema)
                let root = compiler.compileRoot(schema, name: "\(key.kind) (\(path))")
                self = compiler.table
                register(key, root: root)
                break
            }
        }
    }
}
