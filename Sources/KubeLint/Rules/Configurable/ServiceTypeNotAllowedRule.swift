import KubeModel
import KubeYAML

/// Services of a type the team does not allow.
package struct ServiceTypeNotAllowedRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "service-type-not-allowed",
        name: "Service Type Not Allowed",
        summary: "A Service's type is not in `checks.allowed-service-types` (default: all but NodePort)",
        rationale: "NodePort opens the port on every node of the cluster, past any load balancer or firewall in front of it; LoadBalancer costs money and exposes the Service outside the cluster. Opt-in; giving `checks.allowed-service-types` in .kubec.yaml turns it on.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["exposed-services"], kubeScore: ["service-type"]),
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: ↓NodePort
              selector: {app: web}
              ports: [{port: 80}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """,
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> ServiceTypeNotAllowedRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let allowed = checks.allowedServiceTypes
        for object in context.objects(ofKind: "Service") {
            guard let service = object.service, !allowed.contains(service.spec.type.rawValue) else { continue }
            sink.report(object, at: object.spec?["type"] ?? object.node.pair(forKey: "spec")?.key,
                        "Service type \(service.spec.type) is not allowed (allowed: \(allowed.joined(separator: ", ")))",
                        hint: "use one of the allowed types, or change `checks.allowed-service-types` in .kubec.yaml")
        }
    }
}
