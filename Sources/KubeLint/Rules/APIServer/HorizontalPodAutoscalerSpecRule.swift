import KubeModel
import KubeYAML

/// HorizontalPodAutoscaler specs (`validateHorizontalPodAutoscalerSpec`, autoscaling/v2 and v1): replica
/// bounds, the scale target reference, each metric's source and target, and the scaling behavior.
package struct HorizontalPodAutoscalerSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-hpa-spec",
        name: "Invalid HorizontalPodAutoscaler Spec",
        summary: "HPA replica bounds, scale target, metrics (one source matching the type, a valid target) and behavior policies are valid",
        rationale: """
            The API server refuses the HorizontalPodAutoscaler. Since Kubernetes 1.34 that includes a scale target \
            whose apiVersion is missing or names no API group (`apiVersion must specify API group`; only \
            ReplicationController lives in the core group) and any reference whose apiVersion has more than one \
            slash: before, such an HPA was accepted and never scaled (`no matches for kind`).
            """,
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: ↓0
              maxReplicas: 10
              ↓metrics:
              - type: Resource
                resource:
                  name: cpu
                  target: {type: ↓Percent, averageUtilization: ↓0}
              - type: ↓Pods
                resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi}}
            """,
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: ↓2
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: ↓7200
                  selectPolicy: ↓Fastest
                  policies:
                  - {type: ↓Replicas, value: ↓0, periodSeconds: ↓3600}
            """,
            """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ↓web/v2}
              maxReplicas: 4
              targetCPUUtilizationPercentage: ↓0
            """,
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {↓kind: Deployment, name: web}
              maxReplicas: 4
            """,
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: worker
            spec:
              scaleTargetRef: {apiVersion: ↓apps/v1/Deployment, kind: Deployment, name: worker}
              maxReplicas: 4
              metrics:
              - type: Object
                object:
                  describedObject: {apiVersion: ↓networking.k8s.io/v1/Ingress, kind: Ingress, name: main}
                  metric: {name: requests_per_second}
                  target: {type: Value, value: "100"}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
              - type: External
                external:
                  metric: {name: queue_depth}
                  target: {type: Value, value: "30"}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 300
                  policies: [{type: Percent, value: 50, periodSeconds: 60}]
            """,
            """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata:
              name: legacy
            spec:
              scaleTargetRef: {apiVersion: v1, kind: ReplicationController, name: legacy}
              maxReplicas: 4
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("HorizontalPodAutoscaler", ["autoscaling/v1", "autoscaling/v2"]) {
            guard let spec = object.spec, spec.isMapping else { continue }
            let minimum = spec["minReplicas"]?.integral
            if let node = spec["minReplicas"], let value = minimum, value < 1 {
                sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than or equal to 1"))
            }
            if let node = spec["maxReplicas"], let value = node.integral {
                if value < 1 {
                    sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than 0"))
                }
                if let minimum, value < minimum {
                    sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than or equal to `minReplicas`"))
                }
            }
            if let target = spec["scaleTargetRef"], target.isMapping {
                let replicationController = APIServerChecks.text(target, "kind") == "ReplicationController"
                HPAMetricChecks.reference(target, object, allowEmptyGroup: replicationController, &sink)
            }
            if object.identity.apiVersion == "autoscaling/v1" {
                if let node = spec["targetCPUUtilizationPercentage"], let value = node.integral, value < 1 {
                    sink.fieldError(object, at: node, path: "spec.metrics[0].resource.target.averageUtilization",
                                    .invalid(.int(Int(value)), "must be greater than 0"))
                }
                continue
            }
            var scalesToZeroSource = false
            if let metrics = spec["metrics"], metrics.isSequence {
                for metric in metrics.items where metric.isMapping {
                    HPAMetricChecks.metric(metric, object, &sink)
                    let type = metric["type"]?.text
                    if type == "Object" || type == "External" { scalesToZeroSource = true }
                }
            }
            if minimum == 0, !scalesToZeroSource {
                let anchor = spec.pair(forKey: "metrics")?.key ?? spec["minReplicas"]
                sink.fieldError(object, at: anchor, path: "spec.metrics", .forbidden(
                    "must specify at least one Object or External metric to support scaling to zero replicas"))
            }
            if let behavior = spec["behavior"], behavior.isMapping {
                for direction in ["scaleUp", "scaleDown"] {
                    if let rules = behavior[direction], rules.isMapping { scalingRules(rules, object, &sink) }
                }
            }
        }
    }

    /// `validateScalingRules` and `validateScalingPolicy`.
    private func scalingRules(_ rules: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        if let node = rules["stabilizationWindowSeconds"], let value = node.integral {
            if value < 0 {
                sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be greater than or equal to zero"))
            } else if value > 3600 {
                sink.fieldError(object, at: node, .invalid(.int(Int(value)), "must be less than or equal to 3600"))
            }
        }
        SpecChecks.oneOf(rules, "selectPolicy", ["Disabled", "Max", "Min"], object, &sink)
        guard let policies = rules["policies"], !policies.isNull else { return }
        if policies.count == 0 {
            sink.fieldError(object, at: policies, .required("must specify at least one Policy"))
        }
        for policy in policies.items where policy.isMapping {
            SpecChecks.oneOf(policy, "type", ["Percent", "Pods"], object, &sink)
            if policy["type"] == nil {
                sink.fieldError(object, at: policy.pairs.first?.key, path: APIServerChecks.childPath(policy, "type", in: object),
                                .unsupported(.string(""), ["Percent", "Pods"]))
            }
            for key in ["value", "periodSeconds"] {
                let value = policy[key]?.integral ?? 0
                let anchor = policy[key] ?? policy.pairs.first?.key
                let path = APIServerChecks.childPath(policy, key, in: object)
                if value <= 0 {
                    sink.fieldError(object, at: anchor, path: path, .invalid(.int(Int(value)), "must be greater than zero"))
                } else if key == "periodSeconds", value > 1800 {
                    sink.fieldError(object, at: anchor, path: path, .invalid(.int(Int(value)), "must be less than or equal to 1800"))
                }
            }
        }
    }
}
