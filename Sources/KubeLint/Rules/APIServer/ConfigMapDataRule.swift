import KubeModel
import KubeYAML

/// ConfigMap `data` and `binaryData` (`ValidateConfigMap`): key syntax, a key in both maps, base64 of
/// `binaryData`, and the 1 MiB limit on the total size.
package struct ConfigMapDataRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-configmap-data",
        name: "Invalid ConfigMap Data",
        summary: "ConfigMap keys are valid file names, appear in data or binaryData but not both, and the data fits in 1 MiB",
        rationale: "The API server refuses the ConfigMap; each key becomes a file name when the ConfigMap is mounted.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              ↓app config: "x"
              ↓logo.png: "y"
            binaryData:
              logo.png: iVBORw0K
              icon: ↓not*base64
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              app.properties: |
                color=blue
              LOG_LEVEL: info
            binaryData:
              logo.png: iVBORw0KGgo=
            """,
        ])

    /// `--kubernetes-version`'s minor number: the size errors' wording changed in 1.32.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> ConfigMapDataRule {
        ConfigMapDataRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version whose API server wording the findings use.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("ConfigMap", ["v1"]) {
            let root = object.node
            var total = 0
            let binary = root["binaryData"].flatMap { $0.isMapping ? $0 : nil }
            if let data = root["data"], data.isMapping {
                for (key, value) in data.pairs {
                    total += value.isNull ? 0 : APIServerChecks.byteCount(value)
                    if APIServerChecks.isValidConfigMapKey(key), binary == nil { continue }
                    guard let name = key.text else { continue }
                    for error in APIServerChecks.configMapKey(name) {
                        sink.fieldError(object, at: key, path: APIServerChecks.keyPath(data, name, in: object),
                                        .invalid(.string(name), error))
                    }
                    if binary?[name] != nil {
                        sink.fieldError(object, at: key, path: APIServerChecks.keyPath(data, name, in: object),
                                        .invalid(.string(name), "duplicate of key present in binaryData"),
                                        hint: "keep the key in one of data and binaryData")
                    }
                }
            }
            if let binary {
                for (key, value) in binary.pairs {
                    guard let name = key.text else { continue }
                    for error in APIServerChecks.configMapKey(name) {
                        sink.fieldError(object, at: key, path: APIServerChecks.keyPath(binary, name, in: object),
                                        .invalid(.string(name), error))
                    }
                    guard !value.isNull, let text = value.text else { continue }
                    switch GoBase64.decodedLength(text) {
                    case .success(let length): total += length
                    case .failure(let error):
                        sink.report(object, at: value,
                                    "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: \(error.message)",
                                    hint: "binaryData values are base64; put text under data")
                    }
                }
            }
            if total > APIServerChecks.maxDataSize {
                // The validator reports this on `field.NewPath("")`, which prints as `[]`.
                let anchor = root.pair(forKey: "data")?.key ?? root.pair(forKey: "binaryData")?.key
                let error = APIServerChecks.tooLong(APIServerChecks.maxDataSize, minor: minor(context))
                sink.fieldError(object, at: anchor, path: "[]", error,
                                hint: "split the data over several ConfigMaps or mount it from a volume")
            }
        }
    }
}
