import KubeModel
import KubeYAML

/// `topologySpreadConstraints`: maxSkew > 0, topologyKey, whenUnsatisfiable, minDomains only with
/// DoNotSchedule, no duplicate {topologyKey, whenUnsatisfiable}, inclusion policies, `matchLabelKeys` valid,
/// with a selector and not overlapping it.
package struct TopologySpreadRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-topology-spread",
        name: "Invalid Topology Spread Constraint",
        summary: "Spread constraints need maxSkew > 0, a topologyKey, a known whenUnsatisfiable; minDomains only with DoNotSchedule; matchLabelKeys need a selector they do not overlap",
        rationale: "The API server rejects the pod template.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers: [{name: web, image: nginx:1.27}]
              topologySpreadConstraints:
              - maxSkew: ↓0
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: ↓Never
                labelSelector: {matchLabels: {app: web}}
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                minDomains: ↓3
                labelSelector: {matchLabels: {app: web}}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, pod-template-hash: abc}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
                  topologySpreadConstraints:
                  - maxSkew: 1
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}
                    matchLabelKeys: [↓app, pod-template-hash]
                  - maxSkew: 1
                    topologyKey: kubernetes.io/hostname
                    whenUnsatisfiable: ScheduleAnyway
                    ↓matchLabelKeys: [pod-template-hash]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers: [{name: web, image: nginx:1.27}]
              topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                minDomains: 3
                labelSelector: {matchLabels: {app: web}}
                matchLabelKeys: [pod-template-hash, version]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            var seen = SmallSet<String>()
            for constraint in entry.podSpec.topologySpreadConstraints?.sequenceItems ?? [] where constraint.isMapping {
                check(constraint, entry.ref, &seen, &sink)
                MatchLabelKeys.check(constraint, podLabels: entry.labels, entry.ref, &sink)
            }
        }
    }

    private func check(_ constraint: YAMLNode, _ object: ObjectRef, _ seen: inout SmallSet<String>, _ sink: inout FindingSink) {
        let first = constraint.pairs.first?.key ?? constraint
        if let skew = constraint["maxSkew"], let value = skew.integer, value <= 0 {
            sink.fieldError(object, at: skew, .invalid(.int(Int(value)), "must be greater than zero"))
        }
        let key = constraint["topologyKey"]
        if (key?.text ?? "").isEmpty {
            sink.fieldError(object, at: key ?? first, pathOf: key ?? constraint, missingKey: key == nil ? "topologyKey" : nil,
                            .required("can not be empty"))
        } else if let key, let text = key.text {
            for error in NameValidation.qualifiedName(text) {
                sink.fieldError(object, at: key, .invalid(.string(text), error))
            }
        }
        let action = constraint["whenUnsatisfiable"]
        let actionText = action?.text ?? ""
        if !["DoNotSchedule", "ScheduleAnyway"].contains(actionText) {
            if let action {
                sink.fieldError(object, at: action, .unsupported(.string(actionText), ["DoNotSchedule", "ScheduleAnyway"]))
            } else {
                sink.fieldError(object, at: first, pathOf: constraint, missingKey: "whenUnsatisfiable",
                                .unsupported(.string(""), ["DoNotSchedule", "ScheduleAnyway"]))
            }
        }
        if let minDomains = constraint["minDomains"], let value = minDomains.integer {
            if value <= 0 {
                sink.fieldError(object, at: minDomains, .invalid(.int(Int(value)), "must be greater than 0"))
            } else if actionText != "DoNotSchedule" {
                sink.fieldError(object, at: minDomains, .invalid(
                    .int(Int(value)), "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not \(actionText)"))
            }
        }
        for policy in ["nodeAffinityPolicy", "nodeTaintsPolicy"] {
            if let node = constraint[policy], let text = node.text, !node.isNull, text != "Honor", text != "Ignore" {
                sink.fieldError(object, at: node, .unsupported(.string(text), ["Honor", "Ignore"]))
            }
        }
        let pair = "{\(key?.text ?? ""), \(actionText)}"
        if !seen.insert(pair).inserted {
            sink.fieldError(object, at: first, pathOf: constraint, missingKey: "{topologyKey, whenUnsatisfiable}",
                            .duplicate(.raw(pair)))
        }
    }
}
