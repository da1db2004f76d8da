import KubeModel
import KubeYAML

/// Secrets (`ValidateSecret`): key syntax of `data` and `stringData` (merged into `data` before validation),
/// base64 of `data`, the 1 MiB limit, and the keys each built-in `type` requires.
package struct SecretDataRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-secret-data",
        name: "Invalid Secret Data",
        summary: "Secret keys are valid, data is base64, the data fits in 1 MiB, and each built-in type has its required keys",
        rationale: """
            The API server refuses the Secret: a TLS Secret without tls.key, a basic-auth Secret with neither username \
            nor password, a data value that is not base64 (a common slip: plain text under data instead of stringData).
            """,
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-tls
            type: ↓kubernetes.io/tls
            data:
              tls.crt: LS0tLS1CRUdJTg==
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              password: ↓hunter2!
            stringData:
              ↓user name: admin
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
            type: ↓kubernetes.io/service-account-token
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: registry
            type: kubernetes.io/dockerconfigjson
            stringData:
              .dockerconfigjson: ↓'{"auths": {"registry.example.com": {"auth": "dXNlcjpwYXNz"}}'
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-tls
            type: kubernetes.io/tls
            data:
              tls.crt: LS0tLS1CRUdJTg==
              tls.key: ""
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
              annotations: {kubernetes.io/service-account.name: builder}
            type: kubernetes.io/service-account-token
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: git
            type: kubernetes.io/basic-auth
            stringData:
              password: s3cr3t
            """,
        ])

    /// The keys each built-in type requires (both, or at least one for basic-auth).
    private static let requiredKeys: [String: [String]] = [
        "kubernetes.io/dockercfg": [".dockercfg"],
        "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
        "kubernetes.io/ssh-auth": ["ssh-privatekey"],
        "kubernetes.io/tls": ["tls.crt", "tls.key"],
    ]

    /// `--kubernetes-version`'s minor number: the size errors' wording changed in 1.32.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> SecretDataRule {
        SecretDataRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version whose API server wording the findings use.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("Secret", ["v1"]) {
            let root = object.node
            // Key name → decoded size, and whether the key is present at all (stringData wins over data).
            var sizes: [String: Int] = [:]
            // The decoded pull-secret documents, with their value nodes, for the JSON check.
            var documents: [String: ([UInt8], YAMLNode)] = [:]
            let data = root["data"].flatMap { $0.isMapping ? $0 : nil }
            let strings = root["stringData"].flatMap { $0.isMapping ? $0 : nil }
            for map in [data, strings].compactMap({ $0 }) {
                for (key, value) in map.pairs {
                    guard let name = key.text else { continue }
                    for error in APIServerChecks.configMapKey(name) {
                        sink.fieldError(object, at: key, path: "data[\(name)]", .invalid(.string(name), error))
                    }
                    let text = value.isNull ? "" : (value.text ?? "")
                    if map.id == strings?.id {
                        sizes[name] = text.utf8.count
                        if Self.jsonKeys.contains(name) { documents[name] = (Array(text.utf8), value) }
                        continue
                    }
                    switch GoBase64.decode(text) {
                    case .success(let bytes):
                        sizes[name] = bytes.count
                        if Self.jsonKeys.contains(name) { documents[name] = (bytes, value) }
                    case .failure(let error):
                        sizes[name] = 0
                        sink.report(object, at: value,
                                    "Secret in version \"v1\" cannot be handled as a Secret: \(error.message)",
                                    hint: "data values are base64; put plain text under stringData")
                    }
                }
            }
            if sizes.values.reduce(0, +) > APIServerChecks.maxDataSize {
                let anchor = root.pair(forKey: "data")?.key ?? root.pair(forKey: "stringData")?.key
                let error = APIServerChecks.tooLong(APIServerChecks.maxDataSize, minor: minor(context))
                sink.fieldError(object, at: anchor, path: "data", error)
            }
            checkType(object, sizes: sizes, &sink)
            if let type = object.node["type"]?.text, let key = Self.requiredKeys[type]?.first, Self.jsonKeys.contains(key),
               let (bytes, node) = documents[key], let error = GoJSONCheck.objectError(bytes) {
                sink.fieldError(object, at: node, path: "data[\(key)]", .invalid(.string("<secret contents redacted>"), error),
                                hint: "the value must be a JSON object, as `kubectl create secret docker-registry` writes it")
            }
        }
    }

    /// The keys whose content a pull-secret type requires to be a JSON object.
    private static let jsonKeys: Set<String> = [".dockercfg", ".dockerconfigjson"]

    private func checkType(_ object: ObjectRef, sizes: [String: Int], _ sink: inout FindingSink) {
        guard let typeNode = object.node["type"], let type = typeNode.text else { return }
        switch type {
        case "kubernetes.io/service-account-token":
            let annotation = "kubernetes.io/service-account.name"
            if (object.annotations?[annotation]?.text ?? "").isEmpty {
                sink.fieldError(object, at: typeNode, path: "metadata.annotations[\(annotation)]", .required(""),
                                hint: "name the ServiceAccount the token is for in the \(annotation) annotation")
            }
        case "kubernetes.io/basic-auth":
            if sizes["username"] == nil, sizes["password"] == nil {
                for key in ["username", "password"] {
                    sink.fieldError(object, at: typeNode, path: "data[\(key)]", .required(""))
                }
            }
        case "kubernetes.io/ssh-auth":
            if (sizes["ssh-privatekey"] ?? 0) == 0 {
                sink.fieldError(object, at: typeNode, path: "data[ssh-privatekey]", .required(""))
            }
        default:
            for key in Self.requiredKeys[type] ?? [] where sizes[key] == nil {
                sink.fieldError(object, at: typeNode, path: "data[\(key)]", .required(""),
                                hint: "a Secret of type \(type) must carry \(key)")
            }
        }
    }
}
