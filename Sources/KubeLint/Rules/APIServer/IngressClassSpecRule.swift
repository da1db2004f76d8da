import KubeModel
import KubeYAML

/// IngressClass specs (`validateIngressClassSpec`, networking.k8s.io/v1): the controller is a domain-prefixed
/// path of at most 250 characters, and a parameters reference names a kind and an object in a valid scope.
package struct IngressClassSpecRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-ingressclass-spec",
        name: "Invalid IngressClass Spec",
        summary: "IngressClass controller is a domain-prefixed path; parameters have a kind, a name and a valid scope",
        rationale: "The API server refuses the IngressClass.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx
            spec:
              controller: ↓nginx
              parameters:
                ↓kind: IngressParameters
                scope: ↓Global
            """,
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx
            spec:
              controller: k8s.io/ingress-nginx
              parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external, ↓scope: Namespace}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx
            spec:
              controller: k8s.io/ingress-nginx
              parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external, scope: Namespace, namespace: ingress}
            """,
        ])

    /// `httpPathFmt` of apimachinery's `IsDomainPrefixedPath`.
    private static func isHTTPPathByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || Array("/-._~%!$&'()*+,;=:".utf8).contains(byte)
    }

    /// `--kubernetes-version`'s minor number: the size errors' wording changed in 1.32.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> IngressClassSpecRule {
        IngressClassSpecRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version whose API server wording the findings use.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("IngressClass", ["networking.k8s.io/v1"]) {
            guard let spec = object.spec, spec.isMapping else { continue }
            controller(spec, object, minor(context), &sink)
            if let parameters = spec["parameters"], parameters.isMapping { self.parameters(parameters, object, &sink) }
        }
    }

    private func controller(_ spec: YAMLNode, _ object: ObjectRef, _ minor: Int, _ sink: inout FindingSink) {
        let text = APIServerChecks.text(spec, "controller") ?? ""
        let node = spec["controller"]
        if text.utf8.count > 250 {
            sink.fieldError(object, at: node, APIServerChecks.tooLong(250, minor: minor))
        }
        guard !text.isEmpty else {
            let anchor = node ?? object.node.pair(forKey: "spec")?.key
            sink.fieldError(object, at: anchor, path: "spec.controller", .required(""),
                            hint: "name the controller that implements the class, such as k8s.io/ingress-nginx")
            return
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            sink.fieldError(object, at: node, .invalid(.string(text), "must be a domain-prefixed path (such as \"acme.io/foo\")"))
            return
        }
        let host = String(parts[0])
        for error in NameValidation.dns1123Subdomain(host) {
            sink.fieldError(object, at: node, .invalid(.string(host), error))
        }
        let path = String(parts[1])
        if !path.utf8.allSatisfy(Self.isHTTPPathByte) {
            sink.fieldError(object, at: node, .invalid(.string(path), NameValidation.regexError(
                "must be a valid HTTP path", "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")))
        }
    }

    /// `validateIngressClassParametersReference`; a missing scope is defaulted to Cluster.
    private func parameters(_ params: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let first = params.pairs.first?.key ?? params
        if let group = APIServerChecks.text(params, "apiGroup") {
            for error in NameValidation.dns1123Subdomain(group) {
                sink.fieldError(object, at: params["apiGroup"], .invalid(.string(group), error))
            }
        }
        for key in ["kind", "name"] {
            let text = APIServerChecks.text(params, key) ?? ""
            if text.isEmpty {
                sink.fieldError(object, at: params[key] ?? first, path: APIServerChecks.childPath(params, key, in: object),
                                .required("\(key) is required"))
            }
            for error in text.isEmpty ? [] : APIServerChecks.pathSegmentName(text) {
                sink.fieldError(object, at: params[key], .invalid(.string(text), error))
            }
        }
        let scope = APIServerChecks.text(params, "scope") ?? "Cluster"
        let namespace = APIServerChecks.text(params, "namespace")
        switch scope {
        case "Namespace":
            guard let namespace else {
                sink.fieldError(object, at: params.pair(forKey: "scope")?.key ?? first,
                                path: APIServerChecks.childPath(params, "namespace", in: object),
                                .required("`parameters.scope` is set to 'Namespace'"))
                return
            }
            for error in NameValidation.dns1123Label(namespace) {
                sink.fieldError(object, at: params["namespace"], .invalid(.string(namespace), error))
            }
        case "Cluster":
            if namespace != nil {
                sink.fieldError(object, at: params.pair(forKey: "namespace")?.key,
                                path: APIServerChecks.childPath(params, "namespace", in: object),
                                .forbidden("`parameters.scope` is set to 'Cluster'"))
            }
        default:
            sink.fieldError(object, at: params["scope"], .unsupported(.string(scope), ["Cluster", "Namespace"]))
        }
    }
}
