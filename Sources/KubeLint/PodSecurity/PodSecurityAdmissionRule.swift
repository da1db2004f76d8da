import KubeModel
import KubeYAML

/// The Pod Security admission plugin, offline: what it would refuse (`enforce`) and warn about (`warn`,
/// `audit`) for every pod template, by the policy of the pod's namespace.
///
/// The plugin enforces on Pods only; a Deployment (or any controller) in an enforcing namespace is accepted and
/// then every pod it creates is refused, which `kubectl apply` never shows. kubec reports that as an error on the
/// controller's template, saying its pods would be refused. Each failed check is one finding at the offending
/// field, worded as the plugin words it; the API server joins them, comma-separated, into one message.
package struct PodSecurityAdmissionRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "pod-security-admission",
        name: "Pod Security Admission",
        summary: "A pod template breaks the Pod Security level its namespace enforces, audits or warns about",
        rationale: "The PodSecurity admission plugin refuses such Pods outright (a controller's pods fail to be created "
            + "while the controller looks healthy) and warns about the rest at apply time.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(),
        triggering: [
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {pod-security.kubernetes.io/enforce: restricted}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
              namespace: shop
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: tool
                image: tool:1.0
                securityContext:
                  allowPrivilegeEscalation: ↓true
                  capabilities: {drop: [ALL], add: [↓NET_ADMIN]}
            """,
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: edge
              labels: {pod-security.kubernetes.io/warn: baseline}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: proxy, namespace: edge}
            spec:
              selector: {matchLabels: {app: proxy}}
              template:
                metadata: {labels: {app: proxy}}
                spec:
                  hostNetwork: ↓true
                  containers:
                  - {name: proxy, image: proxy:1.0}
            """,
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {pod-security.kubernetes.io/enforce: ↓strict}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {pod-security.kubernetes.io/enforce: restricted}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
              namespace: shop
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: tool
                image: tool:1.0
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: ops}
            spec:
              hostNetwork: true
              containers:
              - {name: agent, image: agent:1.0, securityContext: {privileged: true}}
            """,
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.33}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              containers:
              - name: web
                image: web:1.0
                livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}
            """,
        ])

    /// The run's cluster default.
    let options: PodSecurityOptions
    /// The API server's Kubernetes minor version (nil: the newest kubec knows).
    let kubernetesMinor: Int?

    package init(options: PodSecurityOptions = PodSecurityOptions(), kubernetesMinor: Int? = nil) {
        self.options = options
        self.kubernetesMinor = kubernetesMinor
    }

    package func configured(by configuration: LintConfiguration) -> PodSecurityAdmissionRule {
        PodSecurityAdmissionRule(options: configuration.podSecurity, kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for namespace in context.objects(ofKind: "Namespace") { checkLabels(namespace, &sink) }
        let minor =
            EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
        var policies: [String: PodSecurityPolicy] = [:]
        // The entries, not `context.pods`: nothing here needs the nodes the window finds for other rules.
        for entry in context.podTemplates {
            let namespace = entry.namespace
            let policy = policies[namespace] ?? PodSecurityPolicy.resolve(
                labels: context.namespaceLabels[namespace] ?? [:], defaults: options.defaults).0
            policies[namespace] = policy
            if policy == .privileged { continue }
            let annotations = entry.kind == .pod ? entry.ref.annotations : entry.template.metadata.node?["annotations"]
            let pod = PodSecurityPod(annotations: annotations, spec: entry.template.spec.node, fallback: entry.specNode)
            report(pod, policy, entry, minor: minor, context, &sink)
        }
    }

    /// Reports the enforce violations of one template as errors, else its warn and audit violations as warnings.
    private func report(
        _ pod: PodSecurityPod, _ policy: PodSecurityPolicy, _ view: PodTemplateEntry, minor: Int, _ context: LintContext,
        _ sink: inout FindingSink
    ) {
        let enforced = PodSecurityRegistry.evaluate(pod, policy.enforce, kubernetesMinor: minor)
        let refusal = view.kind == .pod ? "" : "the pods of this \(view.ref.kind) would be refused: "
        for violation in enforced {
            emit(violation, message: refusal + "violates PodSecurity \(GoQuote.quote(policy.enforce.text)): ",
                 mode: .enforce, policy, view, context, severity: nil, &sink)
        }
        // The plugin adds no warning to a request it refuses.
        guard enforced.isEmpty else { return }
        var reported = Set<String>()
        for mode in [PodSecurityMode.warn, .audit] {
            if mode == .audit, policy.audit == policy.warn { continue }
            for violation in PodSecurityRegistry.evaluate(pod, policy[mode], kubernetesMinor: minor) {
                let start = violation.nodes[0].range.start
                let key = "\(violation.checkID)@\(start.line):\(start.column)"
                guard reported.insert(key).inserted else { continue }
                emit(violation, message: "would violate PodSecurity \(GoQuote.quote(policy[mode].text)): ",
                     mode: mode, policy, view, context, severity: .warning, &sink)
            }
        }
    }

    private func emit(
        _ violation: PodSecurityViolation, message: String, mode: PodSecurityMode, _ policy: PodSecurityPolicy,
        _ view: PodTemplateEntry, _ context: LintContext, severity: Severity?, _ sink: inout FindingSink
    ) {
        let anchor = violation.nodes[0]
        var notes = violation.nodes.dropFirst().map {
            DiagnosticNote(message: "check \(violation.checkID) also fails here", range: $0.range)
        }
        let labelNode = context.object(kind: "Namespace", namespace: nil, name: view.namespace)?.labels?[mode.levelLabel]
        let source: String
        if let labelNode {
            source = "namespace \(GoQuote.quote(view.namespace)) sets \(mode.levelLabel)"
            notes.append(DiagnosticNote(message: "the namespace's \(mode.rawValue) level", range: labelNode.range))
        } else {
            source = "the cluster default (--pod-security) applies to namespace \(GoQuote.quote(view.namespace))"
        }
        let hint = "Pod Security Standards check \(violation.checkID) (\(policy[mode].text), \(mode.rawValue)); \(source)"
        sink.report(view.ref, at: anchor, message + violation.text, hint: hint, path: sink.path(of: anchor, in: view.ref),
                    severity: severity, notes: notes)
    }

    /// Namespace labels the plugin cannot parse: the namespace itself is refused.
    private func checkLabels(_ namespace: ObjectRef, _ sink: inout FindingSink) {
        guard let labels = namespace.labels, labels.isMapping else { return }
        var values: [String: String] = [:]
        for (key, value) in labels.pairs {
            guard let name = key.text, name.hasPrefix("pod-security.kubernetes.io/") else { continue }
            values[name] = value.text ?? ""
        }
        for error in PodSecurityPolicy.resolve(labels: values, defaults: .privileged).1 {
            guard let node = labels[error.label] else { continue }
            sink.report(namespace, at: node,
                        FieldError.invalid(.string(error.value), error.reason)
                            .message(path: "metadata.labels[\(error.label)]"),
                        hint: "use privileged, baseline or restricted, and a version `latest` or `v1.N`",
                        path: "metadata.labels[\(error.label)]")
        }
    }
}
