import KubeModel
import KubeYAML

/// What `kubectl apply` prints as `Warning:` for an object the API server accepts: deprecated node labels and
/// annotations, deprecated volume plugins and Service fields, duplicate list entries that `apply` may drop,
/// fractional byte quantities, `hostIP` without `hostPort`, and IP or CIDR text in a non-standard form.
///
/// Each text is the API server's, word for word, positioned at the field it is about. Deprecated apiVersions that
/// are still served are `api-version-deprecated` (schema stage); removed ones are `api-version-removed`.
package struct APIWarningRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "api-warning",
        name: "API Server Warning",
        summary: "The API server accepts the object but answers with a warning (deprecated fields, odd values)",
        rationale: "The warnings scroll past in `kubectl apply` output and are lost in CI; what they announce (a label "
            + "the scheduler no longer sets, an annotation that does nothing) usually breaks a later release.",
        kind: .apiServer, severity: .warning,
        equivalents: RuleEquivalents(),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {↓scheduler.alpha.kubernetes.io/critical-pod: ""}
                spec:
                  nodeSelector: {↓beta.kubernetes.io/os: linux}
                  containers:
                  - {name: web, image: web:1.0}
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {↓service.kubernetes.io/topology-aware-hints: auto}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              externalIPs: [↓192.0.2.10]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: web
                image: web:1.0
                resources: {limits: {memory: ↓"1.5"}}
                ports: [{containerPort: 80, hostIP: ↓10.0.0.1}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  priorityClassName: high
                  nodeSelector: {kubernetes.io/os: linux}
                  containers:
                  - {name: web, image: web:1.0}
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {service.kubernetes.io/topology-mode: Auto}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """,
        ])

    /// The API server's Kubernetes minor version (nil: the newest kubec knows).
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> APIWarningRule {
        APIWarningRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let minor =
            EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
        for view in context.pods where !view.isLegacy {
            let entry = view.entry
            let isTemplate = entry.kind != .pod
            // Where the template sits in its object, as the server prints paths: fixed per kind.
            let prefix = switch entry.kind {
            case .pod: ""
            case .cronJob: "spec.jobTemplate.spec.template."
            case .deployment, .replicaSet, .statefulSet, .daemonSet, .job: "spec.template."
            }
            let annotations = isTemplate ? entry.template.metadata.node?["annotations"] : entry.ref.annotations
            let warnings = PodTemplateWarnings.warnings(
                spec: view.podSpec, containers: view.containerNodes, annotations: annotations, prefix: prefix,
                isTemplate: isTemplate)
            for warning in warnings { report(warning, entry.ref, &sink) }
            var more = ValueWarnings.podSpec(view.podSpec, view.containerNodes, path: prefix + "spec")
            if let spec = view.podSpec.node { more += IPWarnings.podSpec(spec, path: prefix + "spec", minor: minor) }
            for warning in more { report(warning, entry.ref, &sink) }
        }
        for service in context.objects(ofKind: "Service") {
            var warnings = ServiceWarnings.warnings(service.node, minor: minor)
            if let spec = service.node["spec"], spec.isMapping { warnings += IPWarnings.service(spec, minor: minor) }
            for warning in warnings { report(warning, service, &sink) }
        }
        for policy in context.objects(ofKind: "NetworkPolicy") {
            for warning in IPWarnings.networkPolicy(policy.node, minor: minor) { report(warning, policy, &sink) }
        }
        for kind in ["Endpoints", "EndpointSlice"] {
            for object in context.objects(ofKind: kind) {
                for warning in IPWarnings.endpoints(object.node, kind: kind, minor: minor) { report(warning, object, &sink) }
            }
        }
        for claim in context.objects(ofKind: "PersistentVolumeClaim") {
            for warning in ValueWarnings.persistentVolumeClaim(claim.node) { report(warning, claim, &sink) }
        }
        for statefulSet in context.objects(ofKind: "StatefulSet") {
            for warning in ValueWarnings.statefulSet(statefulSet.node, minor: minor) {
                report(warning, statefulSet, &sink)
            }
        }
        for ingress in context.objects(ofKind: "Ingress") {
            for warning in ServiceWarnings.ingressWarnings(ingress.node) { report(warning, ingress, &sink) }
        }
    }

    private func report(_ warning: PodTemplateWarnings.Warning, _ object: ObjectRef, _ sink: inout FindingSink) {
        sink.report(object, at: warning.node, warning.text, hint: "kubectl apply prints this as `Warning: \(warning.text)`",
                    path: sink.path(of: warning.node, in: object))
    }
}
