import KubeModel
import KubeYAML

/// Replicated workloads with nothing that spreads their pods over nodes.
package struct AntiAffinityMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "anti-affinity-missing",
        name: "Pod Anti-Affinity Missing",
        summary: "A Deployment or StatefulSet with 2 or more replicas has no podAntiAffinity and no topologySpreadConstraints",
        rationale: "The scheduler's default spreading is only a score: all replicas may land on one node, and one node failure or drain takes them all. kube-linter asks for anti-affinity only; a topology spread constraint does the job as well and is accepted.",
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(
            kubeLinter: ["no-anti-affinity"],
            kubeScore: ["deployment-has-host-podantiaffinity", "statefulset-has-host-podantiaffinity"],
            polaris: ["topologySpreadConstraint"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: ↓3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: single
            spec:
              selector: {matchLabels: {app: single}}
              template:
                metadata: {labels: {app: single}}
                spec: {containers: [{name: single, image: nginx:1.27}]}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.podTemplates where entry.kind == .deployment || entry.kind == .statefulSet {
            guard let replicas = WorkloadFacts.replicas(entry), replicas >= 2 else { continue }
            // Read in place: binding the pod spec to a local would copy (retain) every field of it.
            if !entry.template.spec.topologySpreadConstraints.isEmpty { continue }
            if let antiAffinity = entry.template.spec.affinity?.podAntiAffinity,
               !antiAffinity.required.isEmpty || !antiAffinity.preferred.isEmpty { continue }
            sink.report(entry.ref, at: WorkloadFacts.replicasAnchor(entry.ref),
                        "\(entry.ref.kind) \(entry.ref.name) runs \(replicas) replicas with nothing spreading them over nodes",
                        hint: "add a topologySpreadConstraint on kubernetes.io/hostname, or a preferred podAntiAffinity on the pods' labels")
        }
    }
}
